import { parisDay } from './paris-day';

describe('parisDay', () => {
  it('puts the hour after midnight in Paris on the new day, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(parisDay('2026-01-14T22:59:59.999Z')).toBe('2026-01-14');
    expect(parisDay('2026-01-14T23:00:00.000Z')).toBe('2026-01-15');
    expect(parisDay('2026-07-14T21:59:59.999Z')).toBe('2026-07-14');
    expect(parisDay('2026-07-14T22:00:00.000Z')).toBe('2026-07-15');
  });

  it('follows the clock changes of the last Sundays of March and October', () => {
    // 29 March 2026: 02:00 becomes 03:00, the day lasts 23 hours.
    expect(parisDay('2026-03-28T22:59:59Z')).toBe('2026-03-28');
    expect(parisDay('2026-03-28T23:00:00Z')).toBe('2026-03-29');
    expect(parisDay('2026-03-29T21:59:59Z')).toBe('2026-03-29');
    expect(parisDay('2026-03-29T22:00:00Z')).toBe('2026-03-30');
    // 25 October 2026: 03:00 becomes 02:00, the day lasts 25 hours.
    expect(parisDay('2026-10-24T21:59:59Z')).toBe('2026-10-24');
    expect(parisDay('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(parisDay('2026-10-25T22:59:59Z')).toBe('2026-10-25');
    expect(parisDay('2026-10-25T23:00:00Z')).toBe('2026-10-26');
  });

  it('reads any offset, and the year boundary', () => {
    expect(parisDay('2026-12-31T23:30:00+01:00')).toBe('2026-12-31');
    expect(parisDay('2027-01-01T00:30:00+01:00')).toBe('2027-01-01');
    expect(parisDay('2026-12-31T20:00:00-05:00')).toBe('2027-01-01');
    expect(parisDay(new Date('2026-06-01T10:00:00Z'))).toBe('2026-06-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => parisDay('demain')).toThrow(RangeError);
  });
});
