import type { Verification } from '@convergences/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, DataTable, List, ReferenceField, SelectInput, TextInput, TopToolbar, useRedirect } from 'react-admin';
import { LocaleDateField, TerritoryInput } from '../common';
import { GrantButton } from './GrantButton';
import { RevokeButton } from './RevokeButton';
import { ActiveChip, VerificationText } from './VerificationFields';
import { activeChoices, kindChoices, methodChoices } from './verificationChoices';

const filters = [
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="method" source="method" choices={methodChoices} alwaysOn />,
  <SelectInput key="active" source="active" choices={activeChoices} alwaysOn />,
  <TextInput key="personId" source="personId" />,
  <TerritoryInput key="territoryId" source="territoryId" alwaysOn />,
];

const Actions = () => {
  const redirect = useRedirect();
  return (
    <TopToolbar>
      <GrantButton />
      <Button onClick={() => redirect('create', 'verifications')} label="app.verification.census.open">
        <UploadFileIcon />
      </Button>
    </TopToolbar>
  );
};

const Column = DataTable.Col<Verification>;

/** Verifications, filterable by person, kind, territory, method and state; grant one or revoke one. */
export const VerificationList = () => (
  <List<Verification>
    filters={filters}
    actions={<Actions />}
    empty={false}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<Verification> bulkActionButtons={false}>
      <Column source="personName" disableSort />
      <Column
        source="kind"
        disableSort
        render={(record) => <VerificationText id={`app.verification.kind.${record.kind}`} />}
      />
      <Column source="territoryId" disableSort>
        <ReferenceField source="territoryId" reference="territories" link={false} emptyText="—" />
      </Column>
      <Column
        source="method"
        disableSort
        render={(record) => <VerificationText id={`app.verification.method.${record.method}`} />}
      />
      <Column source="grantedAt" disableSort>
        <LocaleDateField source="grantedAt" showTime />
      </Column>
      <Column source="expiresAt" disableSort>
        <LocaleDateField source="expiresAt" showTime />
      </Column>
      <Column source="active" disableSort>
        <ActiveChip />
      </Column>
      <Column source="revokeReason" disableSort />
      <Column source="actions" disableSort>
        <RevokeButton />
      </Column>
    </DataTable>
  </List>
);
