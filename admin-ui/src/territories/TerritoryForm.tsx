import type { CreateTerritoryRequest, Territory, UpdateTerritoryBody } from '@convergences/contracts';
import { Box } from '@mui/material';
import {
  AutocompleteInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  regex,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { territoryTypeChoices } from './territoryChoices';

/** What the territory form holds: inputs give empty strings and nulls for blank fields. */
export interface TerritoryFormValues {
  name?: string | null;
  type?: string | null;
  code?: string | null;
  parentId?: string | null;
}

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The form's values as `POST /territories` expects them: blank optional fields are `null`. */
export function toTerritoryInput(values: TerritoryFormValues): CreateTerritoryRequest {
  return {
    name: clean(values.name) ?? '',
    type: values.type as CreateTerritoryRequest['type'],
    code: clean(values.code),
    parentId: values.parentId || null,
  };
}

/** The form's values as `PATCH /territories/{id}` expects them: a territory's type never changes. */
export function toTerritoryChanges(values: TerritoryFormValues): UpdateTerritoryBody {
  const { name, code, parentId } = toTerritoryInput(values);
  return { name, code, parentId };
}

export function formValuesOf(territory: Territory): TerritoryFormValues {
  return { name: territory.name, type: territory.type, code: territory.code, parentId: territory.parentId };
}

const CODE = /^[0-9AB]{1,9}$/;

/** The fields of a territory; its type is chosen once, at creation. */
export const TerritoryForm = ({
  editing = false,
  ...props
}: Omit<SimpleFormProps, 'children'> & { editing?: boolean }) => (
  <SimpleForm sx={{ maxWidth: 900 }} {...props}>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
      <TextInput source="name" validate={[required(), maxLength(150)]} sx={{ flex: '1 1 420px' }} />
      <SelectInput
        source="type"
        choices={territoryTypeChoices}
        validate={required()}
        disabled={editing}
        helperText={editing ? 'app.territory.typeFixed' : 'app.territory.typeHint'}
        sx={{ minWidth: 240 }}
      />
    </Box>
    <TextInput source="code" validate={regex(CODE, 'app.territory.codeShape')} helperText="app.territory.codeHint" />
    <ReferenceInput source="parentId" reference="territories">
      <AutocompleteInput
        optionText="name"
        filterToQuery={(q: string) => (q ? { q } : {})}
        helperText="app.territory.parentHint"
        fullWidth
      />
    </ReferenceInput>
  </SimpleForm>
);
