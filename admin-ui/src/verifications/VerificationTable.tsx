import type { Verification } from '@convergences/contracts';
import { Chip } from '@mui/material';
import { DataTable, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../common';
import { RevokeButton } from './RevokeButton';

/** Valid, or revoked or expired. */
const ActiveChip = () => {
  const record = useRecordContext<Verification>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.active ? 'success' : 'default'}
      label={translate(record.active ? 'app.verification.active' : 'app.verification.inactive')}
    />
  );
};

const VerificationText = ({ id }: { id: string }) => <>{useTranslate()(id)}</>;

const Column = DataTable.Col<Verification>;

/**
 * Verifications, each revocable: in the list of all of them (`withPerson`: who, and why revoked)
 * and on a person's page.
 */
export const VerificationTable = ({ withPerson = false }: { withPerson?: boolean }) => (
  <DataTable<Verification> bulkActionButtons={false}>
    {withPerson && <Column source="personName" disableSort />}
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
    {withPerson && <Column source="revokeReason" disableSort />}
    <Column source="actions" disableSort>
      <RevokeButton />
    </Column>
  </DataTable>
);
