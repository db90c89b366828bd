import type { Campaign } from '@convergences/contracts';
import { Alert } from '@mui/material';
import { Edit, SimpleForm, useRecordContext, useTranslate } from 'react-admin';
import { campaignFormValues, CampaignTextInputs, StakeholderCriteriaInput, toCampaignUpdateBody } from './CampaignForm';
import { CampaignTitle } from './CampaignShow';

const EditForm = () => {
  const record = useRecordContext<Campaign>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status === 'closed')
    return <Alert severity="info">{translate('app.evaluation.campaign.closedNotEditable')}</Alert>;
  return (
    <SimpleForm record={campaignFormValues(record)} noValidate>
      {record.status !== 'draft' && record.status !== 'open' ? (
        <Alert severity="info" sx={{ width: '100%' }}>
          {translate('app.evaluation.campaign.periodFrozen')}
        </Alert>
      ) : null}
      <CampaignTextInputs />
      <StakeholderCriteriaInput />
    </SimpleForm>
  );
};

/** The coordinators change a campaign's texts, period and stakeholders' criteria (`PATCH /campaigns/{id}`). */
export const CampaignEdit = () => (
  <Edit<Campaign> title={<CampaignTitle />} mutationMode="pessimistic" transform={toCampaignUpdateBody} redirect="show">
    <EditForm />
  </Edit>
);
