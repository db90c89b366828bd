import { DomainError, type MembershipCheck, type ProposalState } from '@convergences/contracts';

/** Only published proposals are endorsed; a withdrawn one takes no more, a draft is nobody else's business. */
export function assertEndorsable(proposal: { state: ProposalState; hidden_at: Date | null }): void {
  // Hidden by moderation, it does not exist for endorsers.
  if (proposal.hidden_at !== null) throw new DomainError('not_found', 'No such proposal.');
  if (proposal.state === 'withdrawn') {
    throw new DomainError('proposal_withdrawn', 'A withdrawn proposal takes no more endorsements.');
  }
  if (proposal.state !== 'published') throw new DomainError('not_found', 'No such proposal.');
}

/** A person endorses on behalf of an organisation only as an active member of it, once it is verified. */
export function assertMayEndorseFor(organizationId: string, membership: MembershipCheck): void {
  if (!membership.member) {
    throw new DomainError('forbidden', 'Only its members endorse on behalf of an organisation.', { organizationId });
  }
  if (!membership.organizationVerified) {
    throw new DomainError('forbidden', 'Only a verified organisation endorses proposals.', { organizationId });
  }
}
