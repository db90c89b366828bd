import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface FormSectionProps {
  /** Translation key of the heading. */
  title: string;
  /** Translation key of a sentence under the heading that says what the section decides. */
  intro?: string;
  children: ReactNode;
}

/** A titled group of a form's inputs, laid out in a wrapping row. */
export const FormSection = ({ title, intro, children }: FormSectionProps) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%', mt: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      {intro ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(intro)}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', width: '100%' }}>{children}</Box>
    </Box>
  );
};
