import { DomainError } from '@convergences/contracts';
import { assertEndorsable, assertMayEndorseFor } from './endorsement.policy';

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe('endorsement rules', () => {
  const organizationId = '01900000-0000-7000-8000-0000000000cc';

  it('endorses published proposals only, never one hidden by moderation', () => {
    const shown = { hidden_at: null };
    expect(codeOf(() => assertEndorsable({ state: 'published', ...shown }))).toBeUndefined();
    expect(codeOf(() => assertEndorsable({ state: 'withdrawn', ...shown }))).toBe('proposal_withdrawn');
    expect(codeOf(() => assertEndorsable({ state: 'draft', ...shown }))).toBe('not_found');
    expect(codeOf(() => assertEndorsable({ state: 'published', hidden_at: new Date() }))).toBe('not_found');
  });

  it('endorses for an organisation only as a member of a verified one', () => {
    expect(
      codeOf(() => assertMayEndorseFor(organizationId, { member: true, role: 'member', organizationVerified: true })),
    ).toBeUndefined();
    expect(
      codeOf(() => assertMayEndorseFor(organizationId, { member: false, role: null, organizationVerified: true })),
    ).toBe('forbidden');
    expect(
      codeOf(() => assertMayEndorseFor(organizationId, { member: true, role: 'admin', organizationVerified: false })),
    ).toBe('forbidden');
  });
});
