import { NICKNAME_PATTERN } from '@convergences/contracts';

const MAX_LENGTH = 30;
/** Room kept for a `-NNNNN` suffix when the base is taken. */
const MAX_BASE_LENGTH = 24;

/**
 * The nickname a person starts with, from the identity provider's user name: lowercase ASCII,
 * accents dropped, anything else turned into `-`; an e-mail address contributes only its local
 * part, so it never becomes public.
 */
export function nicknameBase(username: string): string {
  const base = username
    .split('@')[0]
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_BASE_LENGTH)
    .replace(/[-_]+$/g, '');
  return base.length >= 3 ? base : `member-${base}`.replace(/-$/, '');
}

/** The `n`th choice for a base: the base itself, then `base-2`, `base-3`… always a valid nickname. */
export function nicknameCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return base.slice(0, MAX_LENGTH - suffix.length) + suffix;
}

/** The first free choice for a base, given the nicknames already taken that start with it. */
export function firstFreeNickname(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = nicknameCandidate(base, n);
    if (!used.has(candidate)) return candidate;
  }
}

/** Whether a string is a valid nickname as given (no case folding). */
export function isValidNickname(value: string): boolean {
  return NICKNAME_PATTERN.test(value);
}
