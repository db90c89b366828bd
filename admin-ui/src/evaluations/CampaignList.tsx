import type { Campaign } from '@convergences/contracts';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  DateField,
  List,
  NumberField,
  ReferenceField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { TranslatedTextField } from '../common';
import { type NamedSort, SortSelect } from '../proposals/SortSelect';
import { CampaignStatusChip, MyRolesField } from './CampaignChips';

export const campaignStatusChoices = (['draft', 'open', 'review', 'closed'] as const).map((status) => ({
  id: status,
  name: `app.evaluation.campaignStatus.${status}`,
}));

/** The API's orders (`campaignSorts`). */
const sorts: NamedSort[] = (['recent', 'title', 'starts'] as const).map((name) => ({
  name,
  label: `app.evaluation.campaign.sort.${name}`,
  sort: { field: name, order: 'ASC' as const },
}));

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="resources.campaigns.fields.status"
    choices={campaignStatusChoices}
    emptyText="app.evaluation.campaignStatus.all"
    alwaysOn
  />,
  <BooleanInput key="mine" source="mine" label="app.evaluation.campaign.mine" alwaysOn />,
];

const ListActions = () => (
  <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
    <SortSelect sorts={sorts} />
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<Campaign>;

/** Campaigns the caller may read: non-draft ones for anyone, drafts for their coordinators. */
export const CampaignList = () => (
  <List<Campaign> filters={filters} actions={<ListActions />} sort={{ field: 'recent', order: 'ASC' }} exporter={false}>
    <DataTable<Campaign> rowClick="show" bulkActionButtons={false}>
      <Column source="title" disableSort>
        <TranslatedTextField source="title" />
      </Column>
      <Column source="frameworkId" disableSort>
        <ReferenceField source="frameworkId" reference="frameworks" link="show" />
      </Column>
      <Column source="status" disableSort>
        <CampaignStatusChip />
      </Column>
      <Column source="startsOn" disableSort>
        <DateField source="startsOn" options={{ timeZone: 'UTC' }} />
      </Column>
      <Column source="endsOn" disableSort>
        <DateField source="endsOn" options={{ timeZone: 'UTC' }} />
      </Column>
      <Column source="subjectsCount" disableSort align="right">
        <NumberField source="subjectsCount" />
      </Column>
      <Column source="myRoles" disableSort>
        <MyRolesField />
      </Column>
    </DataTable>
  </List>
);
