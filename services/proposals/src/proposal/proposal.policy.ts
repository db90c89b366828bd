import { DomainError, type Actor, type Process } from '@convergences/contracts';

/** Any signed-in participant may propose in a published process (phase rules arrive with processes). */
export function assertMayCreateProposal(actor: Actor | null, process: Process): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to submit a proposal.');
  if (process.status !== 'published') {
    throw new DomainError('process_not_published', 'This process is not open to proposals yet.', {
      processId: process.id,
    });
  }
}
