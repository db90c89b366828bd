import { Chip, Stack } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import type { Organization } from '@convergences/contracts';
import { recordChip } from '../common';

/** The organisation's status: outlined while pending, green once verified. */
export const OrganizationStatusChip = recordChip<Organization>((organization) => ({
  label: `app.organization.status.${organization.status}`,
  fallback: organization.status,
  color: organization.status === 'verified' ? 'success' : 'warning',
  variant: organization.status === 'verified' ? 'filled' : 'outlined',
}));

export const KindField = (props: Partial<FieldProps<Organization>>) => {
  const record = useRecordContext<Organization>(props);
  const translate = useTranslate();
  return record ? <span>{translate(`app.organization.kind.${record.kind}`, { _: record.kind })}</span> : null;
};

/** The networks the organisation is a direct member of. */
export const NetworksField = (props: Partial<FieldProps<Organization>>) => {
  const record = useRecordContext<Organization>(props);
  const translate = useTranslate();
  if (!record) return null;
  if (record.networks.length === 0) return <span>{translate('app.organization.noNetwork')}</span>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record.networks.map((network) => (
        <Chip key={network.id} size="small" label={network.name} variant="outlined" />
      ))}
    </Stack>
  );
};
