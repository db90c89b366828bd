import { assertAllowed, DomainError, type Actor, type PermissionDecision } from '@convergences/contracts';

/**
 * A signed-in participant proposes when the process allows it now: `processes` decides (phase,
 * invitation, verification, block), and its refusal becomes the problem the person is shown.
 */
export function assertMayCreateProposal(actor: Actor | null, decision: PermissionDecision): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to submit a proposal.');
  assertAllowed(decision);
}
