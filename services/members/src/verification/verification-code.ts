import { createHash, randomInt } from 'node:crypto';

// Crockford's base32 alphabet: no I, L, O or U to misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random one-time code of 15 characters in three groups (75 bits), e.g. `7QK2M-XR4PD-91HVC`. */
export function generateCode(): string {
  const characters = Array.from({ length: 15 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${characters.slice(0, 5)}-${characters.slice(5, 10)}-${characters.slice(10)}`;
}

/** A code as typed back: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** What is stored of a code: codes are random and long, so a plain SHA-256 cannot be reversed. */
export function hashCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}
