import type { Actor } from '@convergences/contracts';
import { listedStateOf, personalFiltersOf, randomSeedOf } from './proposal-filters';

const alice: Actor = {
  personId: '019a0000-0000-7000-8000-00000000000a',
  subject: 'alice',
  username: 'alice',
  displayName: 'Alice',
  roles: ['participant'],
  locale: 'fr',
};

describe('listedStateOf', () => {
  it('lists published proposals unless asked for withdrawn ones, either way', () => {
    expect(listedStateOf({})).toBe('published');
    expect(listedStateOf({ withdrawn: true })).toBe('withdrawn');
    expect(listedStateOf({ state: 'withdrawn' })).toBe('withdrawn');
    expect(listedStateOf({ state: 'withdrawn', withdrawn: true })).toBe('withdrawn');
    expect(listedStateOf({ withdrawn: false })).toBe('published');
  });

  it('refuses a state and a withdrawn flag that disagree', () => {
    expect(() => listedStateOf({ state: 'published', withdrawn: true })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});

describe('personalFiltersOf', () => {
  it('turns "mine" and "supported by me" into the caller', () => {
    expect(personalFiltersOf({ mine: true, supportedByMe: true }, alice)).toEqual({
      authorId: alice.personId,
      supporterId: alice.personId,
    });
    expect(personalFiltersOf({ mine: false }, null)).toEqual({});
  });

  it('asks an anonymous caller to sign in', () => {
    expect(() => personalFiltersOf({ mine: true }, null)).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });
});

describe('randomSeedOf', () => {
  it('takes the seed given, else the person, else the day', () => {
    const now = new Date('2026-12-01T17:00:00Z');
    expect(randomSeedOf('abc', alice, now)).toBe('abc');
    expect(randomSeedOf(undefined, alice, now)).toBe(alice.personId);
    expect(randomSeedOf(undefined, null, now)).toBe('2026-12-01');
  });
});
