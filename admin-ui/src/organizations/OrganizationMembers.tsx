import type { Membership, Organization } from '@convergences/contracts';
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField } from '../common';

/** The organisation's members (`GET /organizations/{id}/members`): administrators also see pending ones. */
export const OrganizationMembers = () => {
  const record = useRecordContext<Organization>();
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList<Membership>(
    `organizations/${record?.id}/members`,
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: !!record },
  );
  if (!record || isPending) return null;
  if (error) return <Typography color="error">{translate('app.organization.membersUnavailable')}</Typography>;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.organization.noMembers')}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={translate('app.organization.members')} data-total={total}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.memberships.fields.personName')}</TableCell>
          <TableCell>{translate('resources.memberships.fields.role')}</TableCell>
          <TableCell>{translate('resources.memberships.fields.status')}</TableCell>
          <TableCell>{translate('resources.memberships.fields.joinedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((membership) => (
          <TableRow key={membership.id}>
            <TableCell>{membership.personName}</TableCell>
            <TableCell>{translate(`app.membership.role.${membership.role}`)}</TableCell>
            <TableCell>
              <Chip
                size="small"
                variant={membership.status === 'active' ? 'filled' : 'outlined'}
                label={translate(`app.membership.status.${membership.status}`)}
              />
            </TableCell>
            <TableCell>
              <LocaleDateField record={membership} source="joinedAt" emptyText="—" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
