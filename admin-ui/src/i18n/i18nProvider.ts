import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { fr } from './fr';

export const DEFAULT_LOCALE = 'fr';

export const locales = [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
];

const messages: Record<string, TranslationMessages> = {
  fr: { ...frenchMessages, ...fr } as TranslationMessages,
  en: { ...englishMessages, ...en } as TranslationMessages,
};

/** French first, English second; react-admin's own messages plus the app's. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  locales,
  { allowMissing: true },
);
