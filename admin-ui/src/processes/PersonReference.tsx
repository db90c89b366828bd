import type { AdminPerson } from '@convergences/contracts';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceField,
  TextField,
  required,
  type Identifier,
} from 'react-admin';

/** How a person reads in pickers and tables: their display name and their nickname. */
export const personName = (person: AdminPerson) => `${person.displayName} (@${person.nickname})`;

const searchByText = (text: string) => ({ q: text });

/** The person behind an id, by name, linking to their page in the back office. */
export const PersonReference = ({ personId }: { personId: Identifier }) => (
  <ReferenceField record={{ id: personId, personId }} source="personId" reference="people" link="show">
    <TextField source="displayName" />
  </ReferenceField>
);

/** Picks one person, searched by name, nickname or email (`GET /people?q=`). */
export const PersonAutocomplete = ({ label }: { label: string }) => (
  <AutocompleteInput
    label={label}
    validate={required()}
    optionText={personName}
    filterToQuery={searchByText}
    sx={{ flex: '1 1 320px' }}
  />
);

/** Picks several people, the same way. */
export const PeopleAutocomplete = ({ label }: { label: string }) => (
  <AutocompleteArrayInput
    label={label}
    validate={required()}
    optionText={personName}
    filterToQuery={searchByText}
    sx={{ flex: '1 1 420px' }}
  />
);
