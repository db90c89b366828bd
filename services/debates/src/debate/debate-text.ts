import type { DebateText, DebateTextInput, Locale } from '@convergences/contracts';

/** A text as stored and shown: a plain string is in `locale`, `{ fr, en? }` is kept as written. */
export function debateTextOf(input: DebateTextInput, locale: Locale): DebateText {
  if (typeof input === 'string') return { [locale]: input };
  return input.en ? { fr: input.fr, en: input.en } : { fr: input.fr };
}
