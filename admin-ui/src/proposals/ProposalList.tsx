import type { Theme } from '@convergences/contracts';
import { MenuItem, TextField as MuiTextField } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useListSortContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, TerritoryInput, TranslatedTextField, useTranslatedText } from '../common';
import type { Process, Proposal } from '../types';
import { AnswerStateChip, ProposalStateChip } from './ProposalChips';

/** Picks a process by its title (searched with the API's `q`). */
const ProcessAutocomplete = () => {
  const pick = useTranslatedText();
  return (
    <AutocompleteInput
      label="resources.proposals.fields.processId"
      optionText={(process: Process) => pick(process.title) || process.slug}
      filterToQuery={(text: string) => ({ q: text })}
      sx={{ minWidth: 280 }}
    />
  );
};

const ThemeAutocomplete = () => {
  const pick = useTranslatedText();
  return (
    <AutocompleteInput
      label="resources.proposals.fields.themeId"
      optionText={(theme: Theme) => pick(theme.name)}
      filterToQuery={(text: string) => ({ q: text })}
      sx={{ minWidth: 240 }}
    />
  );
};

/** `published` (the API's default) or `withdrawn`: drafts are never listed. */
const stateChoices = [
  { id: 'published', name: 'app.proposal.state.published' },
  { id: 'withdrawn', name: 'app.proposal.state.withdrawn' },
];

// What `proposalListQuerySchema` filters on for an administrator (`mine` and `supportedByMe` are
// the caller's own participation, meaningless here; `withdrawn` is `state=withdrawn`).
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="processId"
    source="processId"
    reference="processes"
    sort={{ field: 'createdAt', order: 'DESC' }}
    alwaysOn
  >
    <ProcessAutocomplete />
  </ReferenceInput>,
  <SelectInput
    key="state"
    source="state"
    label="resources.proposals.fields.state"
    choices={stateChoices}
    emptyText="app.proposal.state.published"
    alwaysOn
  />,
  <ReferenceInput key="themeId" source="themeId" reference="themes">
    <ThemeAutocomplete />
  </ReferenceInput>,
  <TerritoryInput key="territoryId" source="territoryId" label="resources.proposals.fields.territoryId" />,
];

/** The API's sorts beyond the columns' (`recent`, `mostSupported`, …): `sort=<name>`. */
const sorts = ['recent', 'createdAt', 'title', 'random', 'mostSupported', 'mostEndorsed', 'mostCommented'] as const;

const SortSelect = () => {
  const translate = useTranslate();
  const { sort, setSort } = useListSortContext();
  const value = sort.order === 'DESC' && sort.field === 'createdAt' ? 'recent' : sort.field;
  return (
    <MuiTextField
      select
      size="small"
      label={translate('app.proposal.sort.label')}
      value={(sorts as readonly string[]).includes(value) ? value : ''}
      onChange={(event) => {
        const field = event.target.value;
        setSort(field === 'recent' ? { field: 'createdAt', order: 'DESC' } : { field, order: 'ASC' });
      }}
      sx={{ minWidth: 220 }}
    >
      {sorts.map((name) => (
        <MenuItem key={name} value={name}>
          {translate(`app.proposal.sort.${name}`)}
        </MenuItem>
      ))}
    </MuiTextField>
  );
};

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <SortSelect />
    <FilterButton />
  </TopToolbar>
);

const Column = DataTable.Col<Proposal>;

export const ProposalList = () => (
  <List<Proposal>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<Proposal> rowClick="show" bulkActionButtons={false}>
      <Column source="reference" disableSort />
      <Column source="title" />
      <Column source="processId" disableSort>
        <ReferenceField source="processId" reference="processes" link={false}>
          <TranslatedTextField source="title" />
        </ReferenceField>
      </Column>
      <Column source="authorName" disableSort />
      <Column source="state" disableSort>
        <ProposalStateChip />
      </Column>
      <Column source="answer" disableSort>
        <AnswerStateChip />
      </Column>
      <Column source="supportsCount" disableSort align="right">
        <NumberField source="supportsCount" emptyText="—" />
      </Column>
      <Column source="endorsementsCount" disableSort align="right">
        <NumberField source="endorsementsCount" />
      </Column>
      <Column source="publishedAt" disableSort>
        <LocaleDateField source="publishedAt" showTime emptyText="—" />
      </Column>
      <Column source="createdAt">
        <LocaleDateField source="createdAt" showTime />
      </Column>
    </DataTable>
  </List>
);
