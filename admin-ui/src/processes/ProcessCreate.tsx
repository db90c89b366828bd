import { Box, Typography } from '@mui/material';
import { Create, SelectInput, SimpleForm, TextInput, regex, required, useTranslate } from 'react-admin';
import type { ProcessInput, ProcessStatus, TranslatedText } from '../types';
import { statusChoices } from './StatusChip';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface ProcessFormValues {
  title?: Partial<Record<keyof TranslatedText, string | null>>;
  description?: Partial<Record<keyof TranslatedText, string | null>>;
  slug?: string | null;
  status?: ProcessStatus | null;
}

const clean = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const translated = (value: ProcessFormValues['title']): TranslatedText => {
  const en = clean(value?.en);
  return { fr: clean(value?.fr) ?? '', ...(en ? { en } : {}) };
};

/** The form's values as `POST /processes` expects them: no empty optional fields. */
export function toProcessInput(values: ProcessFormValues): ProcessInput {
  const slug = clean(values.slug);
  return {
    title: translated(values.title),
    description: translated(values.description),
    ...(slug ? { slug } : {}),
    ...(values.status ? { status: values.status } : {}),
  };
}

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
      {translate(label)}
    </Typography>
  );
};

export const ProcessCreate = () => (
  <Create transform={(values: ProcessFormValues) => toProcessInput(values)} redirect="show">
    <SimpleForm defaultValues={{ status: 'draft' }} sx={{ maxWidth: 900 }}>
      <Section label="app.process.frenchSection" />
      <TextInput source="title.fr" label="resources.processes.fields.title_fr" validate={required()} fullWidth />
      <TextInput
        source="description.fr"
        label="resources.processes.fields.description_fr"
        validate={required()}
        multiline
        minRows={4}
        fullWidth
      />
      <Section label="app.process.englishSection" />
      <TextInput source="title.en" label="resources.processes.fields.title_en" fullWidth />
      <TextInput
        source="description.en"
        label="resources.processes.fields.description_en"
        multiline
        minRows={4}
        fullWidth
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', mt: 2 }}>
        <TextInput
          source="slug"
          helperText="app.process.slugHint"
          validate={regex(SLUG_PATTERN, 'app.validation.slug')}
          sx={{ flex: '1 1 320px' }}
        />
        <SelectInput source="status" choices={statusChoices} validate={required()} sx={{ minWidth: 200 }} />
      </Box>
    </SimpleForm>
  </Create>
);
