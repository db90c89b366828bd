import { DateTimeInput, ReferenceInput, TextInput } from 'react-admin';
import { FormSection } from '../common';
import { ThemeAutocomplete } from '../proposals/ProposalInputs';

const half = { flex: '1 1 300px' } as const;

/** A text in French (required unless `optional`) and, if wanted, in English. */
const TranslatedInputs = ({
  source,
  multiline = false,
  optional = false,
  hint,
}: {
  source: string;
  multiline?: boolean;
  optional?: boolean;
  hint?: string;
}) => (
  <>
    <TextInput
      source={`${source}.fr`}
      label={`resources.debates.fields.${source}_fr`}
      isRequired={!optional}
      helperText={hint}
      multiline={multiline}
      minRows={multiline ? 4 : undefined}
      sx={half}
    />
    <TextInput
      source={`${source}.en`}
      label={`resources.debates.fields.${source}_en`}
      helperText={hint}
      multiline={multiline}
      minRows={multiline ? 4 : undefined}
      sx={half}
    />
  </>
);

/** An official debate's fields, for creating and editing it; the form checks them with the contract. */
export const DebateInputs = () => (
  <>
    <FormSection title="app.debate.form.content">
      <TranslatedInputs source="title" hint="app.debate.form.titleHint" />
      <TranslatedInputs source="description" hint="app.debate.form.descriptionHint" multiline />
    </FormSection>
    <FormSection title="app.debate.form.instructions" intro="app.debate.form.instructionsIntro">
      <TranslatedInputs source="instructions" multiline optional />
    </FormSection>
    <FormSection title="app.debate.form.theme">
      <ReferenceInput source="themeId" reference="themes">
        <ThemeAutocomplete sx={half} />
      </ReferenceInput>
    </FormSection>
    <FormSection title="app.debate.form.window" intro="app.debate.form.windowIntro">
      <DateTimeInput source="startsAt" label="resources.debates.fields.startsAt" sx={half} />
      <DateTimeInput source="endsAt" label="resources.debates.fields.endsAt" sx={half} />
    </FormSection>
  </>
);
