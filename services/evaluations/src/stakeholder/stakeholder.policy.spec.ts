import { DomainError } from '@convergences/contracts';
import { assertWithinLimits, type RecentResponse } from './stakeholder.policy';

const here = '0190a000-0000-7000-8000-000000000001';
const there = '0190a000-0000-7000-8000-000000000002';

function caught(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
}

/** Responses oldest first, leaving the window in 100, 200, … seconds. */
const recent = (...subjects: string[]): RecentResponse[] =>
  subjects.map((subjectId, i) => ({ subjectId, expiresInSeconds: (i + 1) * 100 }));

describe('assertWithinLimits', () => {
  it('takes a response under both limits', () => {
    expect(caught(() => assertWithinLimits(recent(here, here, there), here))).toBeUndefined();
  });

  it('refuses a fourth response about one subject until the oldest of the three leaves the window', () => {
    const refusal = caught(() => assertWithinLimits(recent(there, here, here, here), here));
    expect(refusal).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: 200 } });
    expect(caught(() => assertWithinLimits(recent(there, here, here, here), there))).toBeUndefined();
  });

  it('refuses a thirty-first response to the campaign, waiting for the later of the two limits', () => {
    const thirty = Array.from(
      { length: 30 },
      (_, i) => `0190a000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`,
    );
    expect(caught(() => assertWithinLimits(recent(...thirty), here))).toMatchObject({
      details: { retryAfterSeconds: 100 },
    });
    const withHere = [...thirty.slice(3), here, here, here];
    expect(caught(() => assertWithinLimits(recent(...withHere), here))).toMatchObject({
      details: { retryAfterSeconds: 2800 },
    });
  });

  it('never asks to wait less than a second', () => {
    const leaving = [here, here, here].map((subjectId) => ({ subjectId, expiresInSeconds: 0.2 }));
    expect(caught(() => assertWithinLimits(leaving, here))?.details).toEqual({ retryAfterSeconds: 1 });
  });
});
