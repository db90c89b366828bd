import type { Verification } from '@convergences/contracts';
import { Typography } from '@mui/material';
import { DataTable, Pagination, ReferenceField, ReferenceManyField, useTranslate } from 'react-admin';
import { LocaleDateField } from '../common';
import { RevokeButton } from '../verifications/RevokeButton';
import { ActiveChip, VerificationText } from '../verifications/VerificationFields';

const Column = DataTable.Col<Verification>;

const NoVerification = () => (
  <Typography variant="body2" color="text.secondary">
    {useTranslate()('app.person.noVerification')}
  </Typography>
);

/** The person's verifications, valid or not, newest first; each can be revoked from here. */
export const PersonVerifications = () => (
  <ReferenceManyField
    reference="verifications"
    target="personId"
    label="app.person.verifications"
    sort={{ field: 'id', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
    empty={<NoVerification />}
  >
    <DataTable<Verification> bulkActionButtons={false}>
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
      <Column source="actions" disableSort>
        <RevokeButton />
      </Column>
    </DataTable>
  </ReferenceManyField>
);
