import { DomainError, participationSettingsSchema } from '@convergences/contracts';
import { assertTakesSupports, supportLimitsOf, supportsCountAt, type SupportTarget } from './support.policy';

const proposal: SupportTarget = {
  id: '01900000-0000-7000-8000-0000000000cc',
  state: 'published',
  answerState: null,
  answerPublished: false,
  supportsCount: 0,
};
const limits = (settings: object) => supportLimitsOf(participationSettingsSchema.parse(settings));

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe('supportLimitsOf', () => {
  it('caps counted supports at the threshold only when supports may not go beyond it', () => {
    expect(limits({ supportThreshold: 50, supportsBeyondThreshold: false }).cap).toBe(50);
    expect(limits({ supportThreshold: 50, supportsBeyondThreshold: true }).cap).toBe(0);
    expect(limits({ supportThreshold: 0, supportsBeyondThreshold: false }).cap).toBe(0);
  });

  it('reads the quota and the minimum, 0 meaning none', () => {
    expect(limits({ supportQuota: 10, minimumSupportsPerPerson: 3 })).toEqual({ quota: 10, minimum: 3, cap: 0 });
    expect(limits({})).toEqual({ quota: 0, minimum: 0, cap: 0 });
  });
});

describe('supportsCountAt', () => {
  it('counts a person’s supports from the minimum on, at once without one', () => {
    const three = limits({ minimumSupportsPerPerson: 3 });
    expect([1, 2, 3, 4].map((given) => supportsCountAt(given, three))).toEqual([false, false, true, true]);
    expect(supportsCountAt(1, limits({}))).toBe(true);
  });
});

describe('assertTakesSupports', () => {
  const open = limits({});
  it('lets a published proposal take supports', () => {
    expect(codeOf(() => assertTakesSupports(proposal, open))).toBeUndefined();
  });

  it('refuses withdrawn proposals, and hides drafts', () => {
    expect(codeOf(() => assertTakesSupports({ ...proposal, state: 'withdrawn' }, open))).toBe('proposal_withdrawn');
    expect(codeOf(() => assertTakesSupports({ ...proposal, state: 'draft' }, open))).toBe('not_found');
  });

  it('refuses a rejection once published, not while it is held', () => {
    const rejected = { ...proposal, answerState: 'rejected' };
    expect(codeOf(() => assertTakesSupports({ ...rejected, answerPublished: true }, open))).toBe('proposal_rejected');
    expect(codeOf(() => assertTakesSupports(rejected, open))).toBeUndefined();
    expect(
      codeOf(() => assertTakesSupports({ ...proposal, answerState: 'accepted', answerPublished: true }, open)),
    ).toBe(undefined);
  });

  it('refuses a proposal whose counted supports reached the cap', () => {
    const capped = limits({ supportThreshold: 2, supportsBeyondThreshold: false });
    expect(codeOf(() => assertTakesSupports({ ...proposal, supportsCount: 1 }, capped))).toBeUndefined();
    expect(codeOf(() => assertTakesSupports({ ...proposal, supportsCount: 2 }, capped))).toBe('threshold_reached');
    expect(codeOf(() => assertTakesSupports({ ...proposal, supportsCount: 2 }, open))).toBeUndefined();
  });
});
