import { DomainError, type Actor, type PermissionDecision } from '@convergences/contracts';
import { assertMayCreateProposal } from './proposal.policy';

const participant: Actor = {
  personId: '01900000-0000-7000-8000-000000000002',
  subject: 'sub-alice',
  username: 'alice',
  displayName: 'Alice Vernadet',
  roles: ['participant'],
  locale: 'fr',
};
const processId = '01900000-0000-7000-8000-0000000000aa';
const allowed: PermissionDecision = { allowed: true, processId, action: 'create_proposal', phaseId: null };
const refused: PermissionDecision = {
  allowed: false,
  processId,
  action: 'create_proposal',
  phaseId: '01900000-0000-7000-8000-0000000000bb',
  reason: 'phase_closed',
  message: 'Submitting proposals is not open in the current phase of this process.',
  details: { activePhaseId: '01900000-0000-7000-8000-0000000000bb' },
};

function failureOf(action: () => void): DomainError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
}

describe('assertMayCreateProposal', () => {
  it('lets a signed-in participant propose when the process allows it', () => {
    expect(failureOf(() => assertMayCreateProposal(participant, allowed))).toBeUndefined();
  });

  it('asks anonymous callers to sign in, whatever the process says', () => {
    expect(failureOf(() => assertMayCreateProposal(null, allowed))?.code).toBe('unauthenticated');
  });

  it("turns the process's refusal into the problem of its reason, naming process, action and phase", () => {
    const failure = failureOf(() => assertMayCreateProposal(participant, refused));
    expect(failure?.code).toBe('phase_closed');
    expect(failure?.message).toBe(refused.allowed === false && refused.message);
    expect(failure?.details).toEqual({
      processId,
      action: 'create_proposal',
      activePhaseId: '01900000-0000-7000-8000-0000000000bb',
    });
  });
});
