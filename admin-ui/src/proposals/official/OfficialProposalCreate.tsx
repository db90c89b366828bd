import PublishIcon from '@mui/icons-material/Publish';
import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { CreateInProcessPage, FormSection, territoryLabel } from '../../common';
import type { Process } from '../../types';
import { ProcessAutocomplete, ThemeAutocomplete } from '../ProposalInputs';
import { useProposalMutation } from '../useProposalMutation';
import {
  toOfficialProposalInput,
  validateOfficialProposal,
  type OfficialProposalFormValues,
} from './officialProposalValues';

const half = { flex: '1 1 300px' } as const;
const localeChoices = [
  { id: 'fr', name: 'app.proposal.locale.fr' },
  { id: 'en', name: 'app.proposal.locale.en' },
];

const publishedAs = {
  closed: 'app.official.closed',
  noOrganizer: 'app.official.noOrganizer',
  inTheNameOf: 'app.official.publishedAs',
};

/** A theme, a territory among the process's, and a place where the process locates proposals. */
const PlacementInputs = ({ process }: { process: Process }) => {
  const translate = useTranslate();
  return (
    <>
      <FormSection title="app.official.placement">
        <ReferenceInput source="themeId" reference="themes">
          <ThemeAutocomplete sx={half} />
        </ReferenceInput>
        <ReferenceInput
          source="territoryId"
          reference="territories"
          sort={{ field: 'name', order: 'ASC' }}
          filter={process.territoryId ? { within: process.territoryId } : {}}
        >
          <AutocompleteInput
            label="resources.proposals.fields.territoryId"
            optionText={territoryLabel}
            filterToQuery={(q: string) => (q ? { q } : {})}
            helperText={process.territoryId ? 'app.official.territoryWithin' : false}
            sx={half}
          />
        </ReferenceInput>
      </FormSection>
      {process.settings.geolocationEnabled ? (
        <FormSection title="app.official.place" intro="app.official.placeIntro">
          <TextInput source="address" label="app.official.fields.address" sx={{ flex: '1 1 100%' }} />
          <NumberInput source="latitude" label="app.official.fields.latitude" step={0.000001} sx={half} />
          <NumberInput source="longitude" label="app.official.fields.longitude" step={0.000001} sx={half} />
        </FormSection>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('app.official.noPlace')}
        </Typography>
      )}
    </>
  );
};

/**
 * A process admin publishes an official proposal (`POST /processes/{id}/proposals/official`):
 * checked as one types with the contract's rules and the chosen process's (its territory, its
 * geolocation), the API's problems shown field by field; its page opens once published.
 */
export const OfficialProposalCreate = () => {
  const [locale] = useLocaleState();
  const create = useProposalMutation(
    (
      dataProvider,
      { values, geolocationEnabled }: { values: OfficialProposalFormValues; geolocationEnabled: boolean },
    ) => dataProvider.createOfficialProposal(values.processId!, toOfficialProposalInput(values, geolocationEnabled)),
    'app.official.createdNotice',
  );
  return (
    <CreateInProcessPage<OfficialProposalFormValues>
      title="app.official.title"
      intro="app.official.intro"
      resource="proposals"
      create={(values, process) =>
        create.mutateAsync({ values, geolocationEnabled: !!process?.settings.geolocationEnabled })
      }
      validate={(values, process) => validateOfficialProposal(values, !!process?.settings.geolocationEnabled)}
      defaultValues={{ locale: locale === 'en' ? 'en' : 'fr' }}
      inTheNameOf={publishedAs}
      processInput={
        <ReferenceInput source="processId" reference="processes" sort={{ field: 'createdAt', order: 'DESC' }}>
          <ProcessAutocomplete sx={{ width: '100%', maxWidth: 640 }} />
        </ReferenceInput>
      }
      saveLabel="app.official.save"
      saveIcon={<PublishIcon />}
    >
      {(process) => (
        <>
          <FormSection title="app.official.content">
            <TextInput
              source="title"
              label="resources.proposals.fields.title"
              helperText="app.official.titleHint"
              isRequired
              sx={{ flex: '1 1 100%' }}
            />
            <TextInput
              source="body"
              label="resources.proposals.fields.body"
              multiline
              minRows={4}
              isRequired
              sx={{ flex: '1 1 100%' }}
            />
            <SelectInput
              source="locale"
              label="resources.proposals.fields.locale"
              choices={localeChoices}
              isRequired
              sx={half}
            />
          </FormSection>
          {process ? <PlacementInputs process={process} /> : null}
        </>
      )}
    </CreateInProcessPage>
  );
};
