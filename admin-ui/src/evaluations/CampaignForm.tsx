import type { Campaign, Framework, FrameworkSummary } from '@convergences/contracts';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  ReferenceInput,
  required,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { FormSection, useTranslatedText } from '../common';
import { optionalText, requiredText, type TextValues } from './frameworkFormValues';
import { TitleDescriptionInputs } from './FrameworkItemInputs';

export interface CampaignValues {
  frameworkId?: string | null;
  title?: TextValues;
  description?: TextValues;
  startsOn?: string | null;
  endsOn?: string | null;
  stakeholderCriteria?: string[];
}

/** What `POST /campaigns` takes. */
export const toCampaignCreateBody = (values: CampaignValues) => ({
  frameworkId: values.frameworkId ?? '',
  title: requiredText(values.title),
  description: optionalText(values.description),
  startsOn: values.startsOn ?? '',
  endsOn: values.endsOn ?? '',
});

/**
 * What `PATCH /campaigns/{id}` takes: the editable fields only (its framework stays); the period
 * and the stakeholders' criteria only while draft or open, when they may change.
 */
export const toCampaignUpdateBody = (values: CampaignValues & { status?: Campaign['status'] }) => ({
  title: requiredText(values.title),
  description: optionalText(values.description),
  ...(values.status === 'draft' || values.status === 'open'
    ? {
        startsOn: values.startsOn ?? undefined,
        endsOn: values.endsOn ?? undefined,
        stakeholderCriteria: values.stakeholderCriteria ?? [],
      }
    : {}),
});

/** A campaign's texts as its form edits them (both languages). */
export const campaignFormValues = (campaign: Campaign) => ({
  ...campaign,
  title: { fr: campaign.title.fr, en: campaign.title.en ?? '' },
  description: { fr: campaign.description?.fr ?? '', en: campaign.description?.en ?? '' },
});

const searchByText = (text: string) => ({ q: text });

/** Adopted versions only: a campaign never runs on a draft. */
export const AdoptedFrameworkInput = () => {
  const pick = useTranslatedText();
  const translate = useTranslate();
  return (
    <ReferenceInput source="frameworkId" reference="frameworks" filter={{ status: 'adopted' }}>
      <AutocompleteInput
        label="resources.campaigns.fields.frameworkId"
        optionText={(framework: FrameworkSummary) =>
          `${pick(framework.title)} — ${translate('app.evaluation.framework.versionN', { version: framework.version })}`
        }
        filterToQuery={searchByText}
        validate={required()}
        helperText="app.evaluation.campaign.frameworkHint"
        sx={{ flex: '1 1 100%' }}
      />
    </ReferenceInput>
  );
};

export const CampaignTextInputs = () => (
  <>
    <FormSection title="app.evaluation.campaign.texts">
      <TitleDescriptionInputs />
    </FormSection>
    <FormSection title="app.evaluation.campaign.period" intro="app.evaluation.campaign.periodIntro">
      <DateInput source="startsOn" label="resources.campaigns.fields.startsOn" validate={required()} />
      <DateInput source="endsOn" label="resources.campaigns.fields.endsOn" validate={required()} />
    </FormSection>
  </>
);

/** The criteria of the campaign's version that its stakeholders' questionnaire asks about. */
export const StakeholderCriteriaInput = () => {
  const campaign = useRecordContext<Campaign>();
  const pick = useTranslatedText();
  const translate = useTranslate();
  const { data: framework } = useGetOne<Framework>(
    'frameworks',
    { id: campaign?.frameworkId ?? '' },
    { enabled: !!campaign?.frameworkId },
  );
  if (!framework) return null;
  const choices = framework.dimensions.flatMap((dimension) =>
    dimension.criteria.map((criterion) => ({
      id: criterion.id,
      name: `${dimension.position}.${criterion.position} ${pick(criterion.title)}`,
    })),
  );
  return (
    <FormSection title="app.evaluation.campaign.stakeholders" intro="app.evaluation.campaign.stakeholdersIntro">
      {choices.length === 0 ? (
        <Typography variant="body2">{translate('app.evaluation.framework.noCriteria')}</Typography>
      ) : (
        <CheckboxGroupInput
          source="stakeholderCriteria"
          label="resources.campaigns.fields.stakeholderCriteria"
          choices={choices}
          row={false}
        />
      )}
    </FormSection>
  );
};
