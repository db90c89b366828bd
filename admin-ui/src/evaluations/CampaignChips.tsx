import type { Campaign } from '@convergences/contracts';
import { Chip, Stack } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import { recordChip } from '../common';

const colours = { draft: 'default', open: 'success', review: 'info', closed: 'secondary' } as const;

/** Draft, open (assessments written), review (the committee's turn) or closed (results final). */
export const CampaignStatusChip = recordChip<Campaign>((campaign) => ({
  label: `app.evaluation.campaignStatus.${campaign.status}`,
  fallback: campaign.status,
  color: colours[campaign.status],
}));

/** Who the caller is to the campaign or subject (coordinator, committee, member, peer). */
export const MyRolesField = (props: Partial<FieldProps<{ id: string; myRoles: string[] }>>) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  if (!record?.myRoles?.length) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {record.myRoles.map((role) => (
        <Chip key={role} size="small" variant="outlined" label={translate(`app.evaluation.myRole.${role}`)} />
      ))}
    </Stack>
  );
};
