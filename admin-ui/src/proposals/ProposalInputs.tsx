import type { Theme } from '@convergences/contracts';
import type { SxProps, Theme as MuiTheme } from '@mui/material';
import { AutocompleteInput, type Validator } from 'react-admin';
import { useTranslatedText } from '../common';
import type { Process } from '../types';

const searchByText = (text: string) => ({ q: text });

/** Picks a process by its title (searched with the API's `q`), inside a `ReferenceInput`. */
export const ProcessAutocomplete = ({
  validate,
  sx,
}: {
  validate?: Validator | Validator[];
  sx?: SxProps<MuiTheme>;
}) => {
  const pick = useTranslatedText();
  return (
    <AutocompleteInput
      label="resources.proposals.fields.processId"
      optionText={(process: Process) => pick(process.title) || process.slug}
      filterToQuery={searchByText}
      validate={validate}
      sx={sx ?? { minWidth: 280 }}
    />
  );
};

/** Picks a theme by its name, inside a `ReferenceInput`. */
export const ThemeAutocomplete = ({ sx }: { sx?: SxProps<MuiTheme> }) => {
  const pick = useTranslatedText();
  return (
    <AutocompleteInput
      label="resources.proposals.fields.themeId"
      optionText={(theme: Theme) => pick(theme.name)}
      filterToQuery={searchByText}
      sx={sx ?? { minWidth: 240 }}
    />
  );
};
