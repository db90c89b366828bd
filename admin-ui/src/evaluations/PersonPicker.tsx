import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Box } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Form, ReferenceInput, SaveButton, TextInput, required, usePermissions } from 'react-admin';
import { isAdmin } from '../authProvider';
import { submissionErrorsOf } from '../common';
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

/**
 * A form that names one person (an editor, a peer, a campaign's coordinator or committee member):
 * the picker, any further fields (`children`, starting from `record`), a save button. `onName`
 * sends it; once it succeeds the form starts empty again, and the API's field errors show on the
 * fields they name.
 */
export function NamePersonForm<Extra extends Record<string, unknown>>({
  label,
  saveLabel,
  record,
  onName,
  children,
}: {
  label: string;
  saveLabel: string;
  record?: Extra;
  onName: (person: PickedPerson, values: PickerValues & Partial<Extra>) => Promise<unknown>;
  children?: ReactNode;
}) {
  // A new key empties the form once the person is named.
  const [formKey, setFormKey] = useState(0);
  const submit = async (data: Record<string, unknown>) => {
    const values = data as PickerValues & Partial<Extra>;
    try {
      await onName(pickedPerson(values), values);
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Form key={formKey} record={record} onSubmit={submit}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mt: 2 }}>
        <PersonPicker label={label} />
        {children}
        <SaveButton label={saveLabel} icon={<PersonAddIcon />} sx={{ mt: 1 }} />
      </Box>
    </Form>
  );
}
