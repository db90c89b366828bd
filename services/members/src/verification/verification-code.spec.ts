import { censusHasher } from './census-hash';
import { generateCode, hashCode, normaliseCode } from './verification-code';

describe('one-time codes', () => {
  it('are 15 unambiguous characters in three groups, all different', () => {
    const codes = Array.from({ length: 200 }, generateCode);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same however they are typed back', () => {
    expect(normaliseCode(' ab0o1-il ')).toBe('AB00111');
    expect(hashCode('7qk2m xr4pd 91hvc')).toBe(hashCode('7QK2M-XR4PD-91HVC'));
    expect(hashCode('7QK2M-XR4PD-91HVC')).not.toBe(hashCode('7QK2M-XR4PD-91HVD'));
    expect(hashCode('7QK2M-XR4PD-91HVC')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('census hashes', () => {
  it('depend on the secret and on what is hashed, and never contain the value', () => {
    const one = censusHasher('secret-one-0123456789');
    const other = censusHasher('secret-two-0123456789');
    expect(one.identifier('12345AB')).toBe(one.identifier('12345AB'));
    expect(one.identifier('12345AB')).not.toBe(other.identifier('12345AB'));
    expect(one.identifier('2000-01-01')).not.toBe(one.birthDate('2000-01-01'));
    expect(one.identifier('12345AB')).not.toContain('12345AB');
  });
});
