import type { CreateThemeRequest, Theme, TranslatedText } from '@convergences/contracts';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxLength,
  minValue,
  regex,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { useTranslatedText } from '../common';

type Translated = Partial<Record<keyof TranslatedText, string | null>> | null;

/** What the theme form holds: inputs give empty strings and nulls for blank fields. */
export interface ThemeFormValues {
  name?: Translated;
  description?: Translated;
  colour?: string | null;
  parentId?: string | null;
  position?: number | string | null;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const translated = (value: Translated | undefined): TranslatedText | null => {
  const fr = clean(value?.fr);
  const en = clean(value?.en);
  return fr ? { fr, ...(en ? { en } : {}) } : null;
};

/** The form's values as the API expects them; a blank position lets the API put the theme last. */
export function toThemeInput(values: ThemeFormValues): CreateThemeRequest {
  const position = values.position === null || values.position === undefined || values.position === '';
  return {
    name: translated(values.name) ?? { fr: '' },
    description: translated(values.description),
    colour: clean(values.colour) ?? '',
    parentId: values.parentId || null,
    ...(position ? {} : { position: Number(values.position) }),
  };
}

export function formValuesOf(theme: Theme): ThemeFormValues {
  return {
    name: theme.name,
    description: theme.description,
    colour: theme.colour,
    parentId: theme.parentId,
    position: theme.position,
  };
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

const ParentInput = () => {
  const pick = useTranslatedText();
  return (
    <ReferenceInput source="parentId" reference="themes">
      <AutocompleteInput
        optionText={(theme: Theme) => pick(theme.name)}
        filterToQuery={(q: string) => (q ? { q } : {})}
        helperText="app.theme.parentHint"
        fullWidth
      />
    </ReferenceInput>
  );
};

/** The fields of a theme, for creating and editing it. */
export const ThemeForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm sx={{ maxWidth: 900 }} {...props}>
    <TextInput
      source="name.fr"
      label="resources.themes.fields.name_fr"
      validate={[required(), maxLength(100)]}
      fullWidth
    />
    <TextInput source="name.en" label="resources.themes.fields.name_en" validate={maxLength(100)} fullWidth />
    <TextInput
      source="description.fr"
      label="resources.themes.fields.description_fr"
      multiline
      minRows={2}
      validate={maxLength(2000)}
      fullWidth
    />
    <TextInput
      source="description.en"
      label="resources.themes.fields.description_en"
      multiline
      minRows={2}
      validate={maxLength(2000)}
      fullWidth
    />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
      <TextInput
        source="colour"
        type="color"
        validate={[required(), regex(COLOUR, 'app.theme.colourShape')]}
        sx={{ width: 160 }}
      />
      <NumberInput source="position" validate={minValue(0)} helperText="app.theme.positionHint" />
    </Box>
    <ParentInput />
  </SimpleForm>
);
