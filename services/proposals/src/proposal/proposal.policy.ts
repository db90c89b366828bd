import {
  assertAllowed,
  DomainError,
  type Actor,
  type FieldError,
  type ParticipationSettings,
  type PermissionDecision,
  type ProposalState,
} from '@convergences/contracts';

/**
 * A signed-in participant proposes when the process allows it now: `processes` decides (phase,
 * invitation, verification, block), and its refusal becomes the problem the person is shown.
 */
export function assertMayCreateProposal(actor: Actor | null, decision: PermissionDecision): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to submit a proposal.');
  assertAllowed(decision);
}

/** A place as a proposal would hold it once the change is made. */
export interface ProposalPlace {
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * A place only where the process enables geolocation, and then whole: an address with its
 * latitude and longitude, or none of them.
 */
export function placeErrors(
  place: ProposalPlace,
  settings: Pick<ParticipationSettings, 'geolocationEnabled'>,
): FieldError[] {
  const given = (['address', 'latitude', 'longitude'] as const).filter((field) => place[field] !== null);
  if (given.length === 0) return [];
  if (!settings.geolocationEnabled) {
    return given.map((path) => ({ path, message: 'This process does not locate its proposals.' }));
  }
  return (['address', 'latitude', 'longitude'] as const)
    .filter((field) => place[field] === null)
    .map((path) => ({ path, message: 'An address comes with its latitude and longitude.' }));
}

/** What the edit rules need to know about a proposal. */
export interface EditedProposal {
  authorId: string;
  state: ProposalState;
  publishedAt: Date | null;
  answered: boolean;
}

/** Drafts are their author's alone: to anybody else they do not exist. */
export function assertAuthorOf(actor: Actor, proposal: Pick<EditedProposal, 'authorId' | 'state'>): void {
  if (proposal.authorId === actor.personId) return;
  if (proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
  throw new DomainError('forbidden', 'Only its author may change a proposal.');
}

/**
 * Its author edits a draft at any time; a published proposal only within the process's edit
 * window after publishing, and while it has no support and no official answer.
 */
export function assertMayEdit(
  actor: Actor,
  proposal: EditedProposal,
  rules: { editWindowMinutes: number; supported: boolean; now: Date },
): void {
  assertAuthorOf(actor, proposal);
  if (proposal.state === 'draft') return;
  if (proposal.state === 'withdrawn')
    throw new DomainError('proposal_withdrawn', 'A withdrawn proposal changes no more.');
  const closesAt = new Date(proposal.publishedAt!.getTime() + rules.editWindowMinutes * 60_000);
  if (rules.now > closesAt) {
    throw new DomainError('edit_window_closed', 'The time to edit this proposal after publishing it has passed.', {
      editWindowMinutes: rules.editWindowMinutes,
      closedAt: closesAt.toISOString(),
    });
  }
  if (rules.supported)
    throw new DomainError('proposal_supported', 'A proposal that has supports can no longer be edited.');
  if (proposal.answered)
    throw new DomainError('proposal_answered', 'A proposal with an official answer can no longer be edited.');
}

/** Its author publishes a draft; publishing it again answers it as it is. */
export function assertMayPublish(actor: Actor, proposal: Pick<EditedProposal, 'authorId' | 'state'>): void {
  assertAuthorOf(actor, proposal);
  if (proposal.state === 'withdrawn')
    throw new DomainError('proposal_withdrawn', 'A withdrawn proposal is not published again.');
}

/** Its author withdraws a published proposal, once and for good; a draft is deleted instead. */
export function assertMayWithdraw(actor: Actor, proposal: Pick<EditedProposal, 'authorId' | 'state'>): void {
  assertAuthorOf(actor, proposal);
  if (proposal.state === 'withdrawn')
    throw new DomainError('proposal_withdrawn', 'This proposal is already withdrawn.');
  if (proposal.state === 'draft') throw new DomainError('conflict', 'A draft is not withdrawn: delete it instead.');
}

/** Its author deletes their draft; a published proposal is withdrawn instead. */
export function assertMayDeleteDraft(actor: Actor, proposal: Pick<EditedProposal, 'authorId' | 'state'>): void {
  assertAuthorOf(actor, proposal);
  if (proposal.state !== 'draft')
    throw new DomainError('conflict', 'Only a draft can be deleted: withdraw it instead.');
}

/** A person publishes no more proposals than the process's limit (0: no limit); withdrawn ones give their place back, as in Decidim. */
export function assertWithinProposalLimit(published: number, proposalLimit: number): void {
  if (proposalLimit > 0 && published >= proposalLimit) {
    throw new DomainError(
      'proposal_limit_reached',
      `This process takes at most ${proposalLimit} proposals per person.`,
      {
        proposalLimit,
      },
    );
  }
}
