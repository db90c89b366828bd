import { TextInput } from 'react-admin';

const half = { flex: '1 1 260px' } as const;

export interface TranslatedInputsProps {
  /** The `{ fr, en }` field: `title`, `levels.0.label`… */
  source: string;
  /** Translation key of the field's name; the inputs say which language they hold. */
  label: string;
  multiline?: boolean;
  /** French required (titles, labels), or neither (descriptions). */
  required?: boolean;
}

/** A text in French and in English side by side, each input showing the API's error on its language. */
export const TranslatedInputs = ({ source, label, multiline = false, required = false }: TranslatedInputsProps) => (
  <>
    <TextInput
      source={`${source}.fr`}
      label={`${label}_fr`}
      isRequired={required}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      sx={half}
    />
    <TextInput
      source={`${source}.en`}
      label={`${label}_en`}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      sx={half}
    />
  </>
);
