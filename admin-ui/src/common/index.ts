export { LocaleDateField } from './LocaleDateField';
export { TranslatedTextField } from './TranslatedTextField';
export type { TranslatedTextFieldProps } from './TranslatedTextField';
export { pickTranslation, useTranslatedText } from './useTranslatedText';
export { displayNameOf, useMe } from './useMe';
export type { MeState } from './useMe';
