import { nicknameSchema } from '@convergences/contracts';
import { firstFreeNickname, isValidNickname, nicknameBase, nicknameCandidate } from './nickname';

describe('nicknameBase', () => {
  it('keeps a plain user name as it is', () => {
    expect(nicknameBase('alice')).toBe('alice');
    expect(nicknameBase('bob_42')).toBe('bob_42');
  });

  it('lowercases, drops accents and turns other characters into single hyphens', () => {
    expect(nicknameBase('Élodie.Lefèvre')).toBe('elodie-lefevre');
    expect(nicknameBase('Cœur  de  Ville')).toBe('coeur-de-ville');
    expect(nicknameBase('--jean..paul--')).toBe('jean-paul');
  });

  it('keeps only the local part of an e-mail address, never the domain', () => {
    expect(nicknameBase('camille@example.org')).toBe('camille');
    expect(nicknameBase('camille@example.org')).not.toContain('example');
  });

  it('pads names too short or empty and cuts long ones, leaving room for a suffix', () => {
    expect(nicknameBase('jo')).toBe('member-jo');
    expect(nicknameBase('李')).toBe('member');
    expect(nicknameBase('@')).toBe('member');
    expect(nicknameBase('a'.repeat(80))).toBe('a'.repeat(24));
    expect(nicknameBase(`${'a'.repeat(23)}.b`)).toBe('a'.repeat(23));
  });

  it('always yields a valid nickname', () => {
    for (const username of ['alice', 'A B', '___', '...', 'x', 'ÀÉÎÕÜ', 'a-_-b', '12', 'üser@mail', '🙂🙂🙂🙂']) {
      const base = nicknameBase(username);
      expect(isValidNickname(base)).toBe(true);
      expect(nicknameSchema.safeParse(base).success).toBe(true);
    }
  });
});

describe('nicknameCandidate and firstFreeNickname', () => {
  it('numbers the base from 2 and stays within 30 characters', () => {
    expect(nicknameCandidate('alice', 1)).toBe('alice');
    expect(nicknameCandidate('alice', 2)).toBe('alice-2');
    const long = 'a'.repeat(30);
    expect(nicknameCandidate(long, 12345)).toBe(`${'a'.repeat(24)}-12345`);
    expect(isValidNickname(nicknameCandidate(long, 12345))).toBe(true);
  });

  it('takes the first choice nobody has', () => {
    expect(firstFreeNickname('alice', [])).toBe('alice');
    expect(firstFreeNickname('alice', ['alice', 'alice-2', 'alice-4'])).toBe('alice-3');
    expect(firstFreeNickname('alice', ['alice-2'])).toBe('alice');
  });
});

describe('nicknameSchema', () => {
  it('accepts 3 to 30 lowercase letters, digits, "_" and "-"', () => {
    for (const ok of ['abc', 'a_b-c', '123', 'x'.repeat(30)]) expect(nicknameSchema.safeParse(ok).success).toBe(true);
  });

  it('refuses capitals, spaces, accents, other signs and bad lengths', () => {
    for (const bad of ['A B', 'Alice', 'ab', 'x'.repeat(31), 'élodie', 'a.b', 'a b', '']) {
      expect(nicknameSchema.safeParse(bad).success).toBe(false);
    }
  });
});
