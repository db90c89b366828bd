import { DateField, type DateFieldProps, useLocaleState } from 'react-admin';

/** A date formatted for the UI locale rather than the browser's. */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={locale === 'en' ? 'en-GB' : 'fr-FR'} {...props} />;
};
