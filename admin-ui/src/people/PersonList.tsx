import type { AdminPerson } from '@convergences/contracts';
import { Typography } from '@mui/material';
import { DataTable, List, SearchInput, SelectInput, useRecordContext } from 'react-admin';
import { LocaleDateField } from '../common';
import { BlockStateChip, blockedChoices } from './BlockStateChip';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="blocked" source="blocked" choices={blockedChoices} alwaysOn />,
];

const Column = DataTable.Col<AdminPerson>;

/** Why a person is blocked, so that the list of blocked people reads without opening each one. */
const BlockReasonField = () => {
  const record = useRecordContext<AdminPerson>();
  if (!record?.blocked) return null;
  return (
    <Typography variant="body2" sx={{ maxWidth: 360, whiteSpace: 'pre-line' }}>
      {record.blockReason ?? '—'}
    </Typography>
  );
};

/** People, searchable by nickname, display name or email, filterable by block state; a block shows its justification. */
export const PersonList = () => (
  <List<AdminPerson>
    filters={filters}
    actions={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<AdminPerson> rowClick="show" bulkActionButtons={false}>
      <Column source="nickname" />
      <Column source="displayName" />
      <Column source="email" disableSort />
      <Column source="roles" disableSort render={(record) => record.roles.join(', ')} />
      <Column source="blocked" disableSort>
        <BlockStateChip />
      </Column>
      <Column source="blockReason" disableSort>
        <BlockReasonField />
      </Column>
      <Column source="blockedAt" disableSort>
        <LocaleDateField source="blockedAt" showTime emptyText="" />
      </Column>
      <Column source="createdAt">
        <LocaleDateField source="createdAt" showTime />
      </Column>
    </DataTable>
  </List>
);
