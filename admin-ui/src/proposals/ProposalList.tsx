import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { LocaleDateField, TerritoryInput, TranslatedTextField } from '../common';
import type { Proposal } from '../types';
import { AnswerStateChip, ProposalStateChip } from './ProposalChips';
import { ProcessAutocomplete, ThemeAutocomplete } from './ProposalInputs';
import { type NamedSort, SortSelect } from './SortSelect';

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
const sorts: NamedSort[] = [
  { name: 'recent', label: 'app.proposal.sort.recent', sort: { field: 'createdAt', order: 'DESC' } },
  ...(['createdAt', 'title', 'random', 'mostSupported', 'mostEndorsed', 'mostCommented'] as const).map((name) => ({
    name,
    label: `app.proposal.sort.${name}`,
    sort: { field: name, order: 'ASC' as const },
  })),
];

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
    <SortSelect sorts={sorts} />
    <FilterButton />
    <CreateButton label="app.official.create" />
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
