import { ReferenceInput, TextInput, required, usePermissions } from 'react-admin';
import { isAdmin } from '../authProvider';
import { PersonAutocomplete } from '../processes/PersonReference';

/** A person as the API takes them when naming someone: by id or by nickname, one of them. */
export type PickedPerson = { personId: string } | { nickname: string };

/** What a picker's form holds. */
export interface PickerValues {
  personId?: string | null;
  nickname?: string | null;
}

/** The person picked in a form: the id found in the directory, or the nickname typed (without its `@`). */
export const pickedPerson = (values: PickerValues): PickedPerson =>
  values.personId ? { personId: values.personId } : { nickname: (values.nickname ?? '').trim().replace(/^@/, '') };

/**
 * Picks a person to name. Only platform admins may search people (`GET /people`); the others
 * type a nickname, which the API checks: its error (“No such person.”) shows under the field.
 */
export const PersonPicker = ({ label }: { label: string }) => {
  const { permissions } = usePermissions();
  if (isAdmin(permissions)) {
    return (
      <ReferenceInput source="personId" reference="people">
        <PersonAutocomplete label={label} />
      </ReferenceInput>
    );
  }
  return (
    <TextInput
      source="nickname"
      label={label}
      helperText="app.evaluation.picker.nicknameHint"
      placeholder="@pseudo"
      validate={required()}
      sx={{ flex: '1 1 320px' }}
    />
  );
};
