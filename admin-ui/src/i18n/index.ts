export { i18nProvider, locales, DEFAULT_LOCALE } from './i18nProvider';
export { fr } from './fr';
export { en } from './en';
export type { AppMessages } from './fr';
