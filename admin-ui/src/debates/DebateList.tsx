import type { Debate } from '@convergences/contracts';
import AddIcon from '@mui/icons-material/Add';
import { Typography } from '@mui/material';
import {
  Button,
  DataTable,
  FilterButton,
  LinkBase,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, TranslatedTextField } from '../common';
import { ThemeAutocomplete } from '../proposals/ProposalInputs';
import { type NamedSort, SortSelect } from '../proposals/SortSelect';
import { DebateOriginChip, DebateStateChip } from './DebateChips';
import { DebateProcessInput } from './DebateProcessInput';

const stateChoices = [
  { id: 'open', name: 'app.debate.state.open' },
  { id: 'closed', name: 'app.debate.state.closed' },
];
const originChoices = [
  { id: 'official', name: 'app.debate.origin.official' },
  { id: 'participant', name: 'app.debate.origin.participant' },
];

/** The API's orders (`debateSorts`): newest, most commented, last commented. */
const sorts: NamedSort[] = (['recent', 'mostCommented', 'lastComment'] as const).map((name) => ({
  name,
  label: `app.debate.sort.${name}`,
  sort: { field: name, order: 'ASC' as const },
}));

/**
 * What `debateListQuerySchema` filters on for an administrator (`mine` and `commentedByMe` are
 * the caller's own participation, meaningless here). The process comes first: the API lists the
 * debates of one process. Platform admins pick any; a process's admins, theirs.
 */
const filters = [
  <DebateProcessInput key="processId" source="processId" alwaysOn />,
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="state"
    source="state"
    label="resources.debates.fields.state"
    choices={stateChoices}
    emptyText="app.debate.state.all"
    alwaysOn
  />,
  <SelectInput
    key="origin"
    source="origin"
    label="resources.debates.fields.origin"
    choices={originChoices}
    emptyText="app.debate.origin.all"
    alwaysOn
  />,
  <ReferenceInput key="themeId" source="themeId" reference="themes">
    <ThemeAutocomplete />
  </ReferenceInput>,
];

/** The official debate form, with the chosen process. */
export const CreateDebateButton = ({ processId }: { processId?: string }) => (
  <Button
    component={LinkBase}
    label="app.debate.create"
    to={{
      pathname: '/debates/create',
      search: processId ? `?source=${encodeURIComponent(JSON.stringify({ processId }))}` : '',
    }}
  >
    <AddIcon />
  </Button>
);

const ListActions = () => {
  const { filterValues } = useListContext();
  const processId = typeof filterValues?.processId === 'string' ? filterValues.processId : undefined;
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <SortSelect sorts={sorts} />
      <FilterButton />
      <CreateDebateButton processId={processId} />
    </TopToolbar>
  );
};

/** No process chosen yet (the API lists one process's debates), or none matches. */
const Empty = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ m: 2 }}>
      {translate(filterValues?.processId ? 'app.debate.none' : 'app.debate.chooseProcess')}
    </Typography>
  );
};

const Column = DataTable.Col<Debate>;

/** The columns a list of debates shows, here and on the process's page (an array: the table counts its columns). */
export const debateColumns = () => [
  <Column key="title" source="title" disableSort>
    <TranslatedTextField source="title" />
  </Column>,
  <Column key="origin" source="official" label="resources.debates.fields.origin" disableSort>
    <DebateOriginChip />
  </Column>,
  <Column key="authorName" source="authorName" disableSort />,
  <Column key="themeId" source="themeId" disableSort>
    <ReferenceField source="themeId" reference="themes" link={false} emptyText="—">
      <TranslatedTextField source="name" />
    </ReferenceField>
  </Column>,
  <Column key="state" source="state" disableSort>
    <DebateStateChip />
  </Column>,
  <Column key="commentsCount" source="commentsCount" disableSort align="right">
    <NumberField source="commentsCount" />
  </Column>,
  <Column key="lastCommentAt" source="lastCommentAt" disableSort>
    <LocaleDateField source="lastCommentAt" showTime emptyText="—" />
  </Column>,
  <Column key="createdAt" source="createdAt" disableSort>
    <LocaleDateField source="createdAt" showTime />
  </Column>,
];

/** A process's debates, filtered and sorted as the API does. */
export const DebateList = () => (
  <List<Debate>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'recent', order: 'ASC' }}
    perPage={25}
    exporter={false}
    empty={false}
  >
    <DataTable<Debate> rowClick="show" bulkActionButtons={false} empty={<Empty />}>
      {debateColumns()}
    </DataTable>
  </List>
);
