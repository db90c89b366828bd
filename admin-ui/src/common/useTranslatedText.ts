import { useCallback } from 'react';
import { useLocaleState } from 'react-admin';
import type { TranslatedText } from '../types';

/** Picks a translated field's text in the UI locale, falling back to French. */
export function pickTranslation(value: Partial<TranslatedText> | null | undefined, locale: string): string {
  if (!value || typeof value !== 'object') return '';
  const localized = (value as Record<string, string | undefined>)[locale];
  return localized || value.fr || value.en || '';
}

export function useTranslatedText(): (value: Partial<TranslatedText> | null | undefined) => string {
  const [locale] = useLocaleState();
  return useCallback((value) => pickTranslation(value, locale), [locale]);
}
