import PublishIcon from '@mui/icons-material/Publish';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SaveButton,
  SelectInput,
  TextField,
  TextInput,
  Title,
  useGetOne,
  useLocaleState,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FormSection, submissionErrorsOf, territoryLabel } from '../../common';
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

/** Tells the page which process the form has chosen, for the rules that depend on it. */
const ChosenProcess = ({ onChange }: { onChange: (process: Process | undefined) => void }) => {
  const processId = useWatch<OfficialProposalFormValues, 'processId'>({ name: 'processId' });
  const { data } = useGetOne<Process>('processes', { id: processId! }, { enabled: !!processId });
  const chosen = processId && data?.id === processId ? data : undefined;
  useEffect(() => onChange(chosen), [chosen, onChange]);
  return null;
};

/** In whose name it will be published, or why the process takes none. */
const PublishedAs = ({ process }: { process: Process }) => {
  const translate = useTranslate();
  if (process.status === 'closed') return <Alert severity="warning">{translate('app.official.closed')}</Alert>;
  if (!process.organizerId) return <Alert severity="warning">{translate('app.official.noOrganizer')}</Alert>;
  return (
    <Alert severity="info">
      {translate('app.official.publishedAs')}{' '}
      <ReferenceField record={process} source="organizerId" reference="organizations" link={false}>
        <TextField source="name" sx={{ fontWeight: 600 }} />
      </ReferenceField>
    </Alert>
  );
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
  const translate = useTranslate();
  const redirect = useRedirect();
  const [locale] = useLocaleState();
  const [process, setProcess] = useState<Process | undefined>();
  const geolocationEnabled = !!process?.settings.geolocationEnabled;
  const create = useProposalMutation(
    (dataProvider, values: OfficialProposalFormValues) =>
      dataProvider.createOfficialProposal(values.processId!, toOfficialProposalInput(values, geolocationEnabled)),
    'app.official.createdNotice',
  );
  const submit = async (values: Partial<OfficialProposalFormValues>) => {
    try {
      const { data } = await create.mutateAsync(values);
      redirect('show', 'proposals', data.id);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.official.title" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.official.intro')}
          </Typography>
          <Form
            defaultValues={{ locale: locale === 'en' ? 'en' : 'fr' }}
            onSubmit={submit}
            validate={(values) => validateOfficialProposal(values as OfficialProposalFormValues, geolocationEnabled)}
            mode="onChange"
            reValidateMode="onChange"
            noValidate
          >
            <Box component="section" aria-label={translate('app.official.title')}>
              <ChosenProcess onChange={setProcess} />
              <ReferenceInput source="processId" reference="processes" sort={{ field: 'createdAt', order: 'DESC' }}>
                <ProcessAutocomplete sx={{ width: '100%', maxWidth: 640 }} />
              </ReferenceInput>
              {process ? <PublishedAs process={process} /> : null}
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
              <Box sx={{ mt: 2 }}>
                <SaveButton label="app.official.save" icon={<PublishIcon />} />
              </Box>
            </Box>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
