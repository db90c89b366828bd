import type { Verification } from '@convergences/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, List, SelectInput, TextInput, TopToolbar, useRedirect } from 'react-admin';
import { TerritoryInput } from '../common';
import { GrantButton } from './GrantButton';
import { VerificationTable } from './VerificationTable';
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
    <VerificationTable withPerson />
  </List>
);
