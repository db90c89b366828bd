import { Create, SimpleForm } from 'react-admin';
import { FormSection } from '../common';
import { AdoptedFrameworkInput, CampaignTextInputs, toCampaignCreateBody } from './CampaignForm';

/** Platform admins and the lineage's editors start a campaign on an adopted version; its creator coordinates it. */
export const CampaignCreate = () => (
  <Create transform={toCampaignCreateBody} redirect="show" title="app.evaluation.campaign.createTitle">
    <SimpleForm noValidate>
      <FormSection title="app.evaluation.campaign.framework">
        <AdoptedFrameworkInput />
      </FormSection>
      <CampaignTextInputs />
    </SimpleForm>
  </Create>
);
