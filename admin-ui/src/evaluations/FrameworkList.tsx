import type { FrameworkSummary } from '@convergences/contracts';
import {
  CreateButton,
  DataTable,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { isAdmin } from '../authProvider';
import { LocaleDateField, TranslatedTextField } from '../common';
import { type NamedSort, SortSelect } from '../proposals/SortSelect';
import { FrameworkStatusChip } from './FrameworkChips';

const statusChoices = [
  { id: 'draft', name: 'app.evaluation.frameworkStatus.draft' },
  { id: 'adopted', name: 'app.evaluation.frameworkStatus.adopted' },
];

/** The API's orders (`frameworkSorts`): newest version first, or by French title. */
const sorts: NamedSort[] = (['recent', 'title'] as const).map((name) => ({
  name,
  label: `app.evaluation.framework.sort.${name}`,
  sort: { field: name, order: 'ASC' as const },
}));

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="resources.frameworks.fields.status"
    choices={statusChoices}
    emptyText="app.evaluation.frameworkStatus.all"
    alwaysOn
  />,
];

/** Platform admins create frameworks; editors work on the drafts they are named for. */
const ListActions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <SortSelect sorts={sorts} />
      {isAdmin(permissions) ? <CreateButton /> : null}
    </TopToolbar>
  );
};

const Column = DataTable.Col<FrameworkSummary>;

/** Every version the caller may read (adopted ones, and the drafts they edit), newest first. */
export const FrameworkList = () => (
  <List<FrameworkSummary>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'recent', order: 'ASC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<FrameworkSummary> rowClick="show" bulkActionButtons={false}>
      <Column source="title" disableSort>
        <TranslatedTextField source="title" />
      </Column>
      <Column source="version" disableSort align="right">
        <NumberField source="version" />
      </Column>
      <Column source="status" disableSort>
        <FrameworkStatusChip />
      </Column>
      <Column source="dimensionsCount" disableSort align="right">
        <NumberField source="dimensionsCount" />
      </Column>
      <Column source="criteriaCount" disableSort align="right">
        <NumberField source="criteriaCount" />
      </Column>
      <Column source="indicatorsCount" disableSort align="right">
        <NumberField source="indicatorsCount" />
      </Column>
      <Column source="updatedAt" disableSort>
        <LocaleDateField source="updatedAt" showTime />
      </Column>
    </DataTable>
  </List>
);
