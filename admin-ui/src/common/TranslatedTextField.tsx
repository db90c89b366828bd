import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue } from 'react-admin';
import type { TranslatedText } from '../types';
import { useTranslatedText } from './useTranslatedText';

export interface TranslatedTextFieldProps extends FieldProps {
  /** Keep line breaks (long texts). */
  multiline?: boolean;
}

/** Shows a `{ fr, en? }` field in the UI locale, falling back to French. */
export const TranslatedTextField = ({ multiline = false, ...props }: TranslatedTextFieldProps) => {
  const value = useFieldValue(props) as TranslatedText | undefined;
  const pick = useTranslatedText();
  return (
    <Typography component="span" variant="body2" sx={multiline ? { whiteSpace: 'pre-line' } : undefined}>
      {pick(value)}
    </Typography>
  );
};
