import type { CreateOrganizationRequest, Organization, TranslatedText } from '@convergences/contracts';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  NumberInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  regex,
  required,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { TerritoryInput } from '../common';
import { kindChoices } from './organizationChoices';

/** What the organisation form holds: inputs give empty strings and nulls for blank fields. */
export interface OrganizationFormValues {
  name?: string | null;
  kind?: string | null;
  description?: Partial<Record<keyof TranslatedText, string | null>> | null;
  website?: string | null;
  address?: string | null;
  latitude?: number | string | null;
  longitude?: number | string | null;
  territoryId?: string | null;
  logoUrl?: string | null;
  networkIds?: string[] | null;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const coordinate = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

/** The form's values as the API expects them: blank optional fields are `null` (cleared). */
export function toOrganizationInput(values: OrganizationFormValues): CreateOrganizationRequest {
  const fr = clean(values.description?.fr);
  const en = clean(values.description?.en);
  return {
    name: clean(values.name) ?? '',
    kind: values.kind as CreateOrganizationRequest['kind'],
    description: fr ? { fr, ...(en ? { en } : {}) } : null,
    website: clean(values.website),
    address: clean(values.address),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    territoryId: values.territoryId || null,
    logoUrl: clean(values.logoUrl),
    networkIds: values.networkIds ?? [],
  };
}

/** The form's starting values for an existing organisation. */
export function formValuesOf(organization: Organization): OrganizationFormValues {
  return { ...organization, networkIds: organization.networks.map((network) => network.id) };
}

const HTTP_URL = /^https?:\/\/\S+$/;

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1 }}>
      {translate(label)}
    </Typography>
  );
};

/** The fields of an organisation, for creating and editing it. */
export const OrganizationForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm sx={{ maxWidth: 900 }} {...props}>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(150)]} sx={{ flex: '1 1 420px' }} />
      <SelectInput source="kind" choices={kindChoices} validate={required()} sx={{ minWidth: 240 }} />
    </Box>
    <TextInput
      source="description.fr"
      label="resources.organizations.fields.description_fr"
      multiline
      minRows={3}
      validate={maxLength(10_000)}
      fullWidth
    />
    <TextInput
      source="description.en"
      label="resources.organizations.fields.description_en"
      multiline
      minRows={3}
      validate={maxLength(10_000)}
      fullWidth
    />
    <TextInput source="website" validate={regex(HTTP_URL, 'app.organization.httpUrl')} fullWidth />
    <TextInput source="logoUrl" validate={regex(HTTP_URL, 'app.organization.httpUrl')} fullWidth />
    <Section label="app.organization.locationSection" />
    <TextInput source="address" fullWidth />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
      <NumberInput
        source="latitude"
        validate={[minValue(-90), maxValue(90)]}
        helperText="app.organization.coordinatesHint"
      />
      <NumberInput source="longitude" validate={[minValue(-180), maxValue(180)]} />
    </Box>
    <TerritoryInput source="territoryId" helperText="app.organization.territoryHint" sx={{ width: '100%' }} />
    <Section label="app.organization.networksSection" />
    <ReferenceArrayInput source="networkIds" reference="organizations" filter={{ kind: 'reseau' }} perPage={100}>
      <AutocompleteArrayInput optionText="name" fullWidth />
    </ReferenceArrayInput>
  </SimpleForm>
);
