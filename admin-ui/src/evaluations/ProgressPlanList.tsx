import type { Campaign, ProgressAction } from '@convergences/contracts';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  AutocompleteInput,
} from 'react-admin';
import { TranslatedTextField, pickTranslation } from '../common';
import { type NamedSort, SortSelect } from '../proposals/SortSelect';
import { ProgressStatusField, progressStatusChoices } from './ProgressPlanChips';

const sorts: NamedSort[] = (['due', 'recent'] as const).map((name) => ({
  name,
  label: `app.evaluation.progress.sort.${name}`,
  sort: { field: name, order: 'ASC' as const },
}));

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="resources.progress-plans.fields.status"
    choices={progressStatusChoices}
    emptyText="app.evaluation.progress.allStatuses"
    alwaysOn
  />,
  <ReferenceInput key="campaignId" source="campaignId" reference="campaigns" alwaysOn>
    <AutocompleteInput
      label="resources.progress-plans.fields.campaignId"
      optionText={(campaign: Campaign) => pickTranslation(campaign.title, 'fr')}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>,
];

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
    <SortSelect sorts={sorts} />
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<ProgressAction>;

/** The columns of a list of progress actions, here and in a campaign's or subject's panel. */
export const progressColumns = () => [
  <Column key="title" source="title" disableSort>
    <TextField source="title" />
  </Column>,
  <Column key="organizationName" source="organizationName" disableSort />,
  <Column key="criterionTitle" source="criterionTitle" disableSort>
    <TranslatedTextField source="criterionTitle" />
  </Column>,
  <Column key="owner" source="owner" disableSort />,
  <Column key="dueOn" source="dueOn" disableSort>
    <DateField source="dueOn" options={{ timeZone: 'UTC' }} />
  </Column>,
  <Column key="status" source="status" disableSort>
    <ProgressStatusField />
  </Column>,
];

/** Progress plans (démarche de progrès): the improvement actions the caller may read, soonest due first. */
export const ProgressPlanList = () => (
  <List<ProgressAction>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'due', order: 'ASC' }}
    exporter={false}
  >
    <DataTable<ProgressAction> rowClick="edit" bulkActionButtons={false}>
      {progressColumns()}
    </DataTable>
  </List>
);
