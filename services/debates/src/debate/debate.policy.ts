import {
  assertAllowed,
  DomainError,
  type Actor,
  type FieldError,
  type PermissionDecision,
} from '@convergences/contracts';

/*
 * The rules of debates: who opens, edits, closes and reopens them, and when a debate takes
 * comments. `processes` answers for the process (phase, invitation, block, roles); these
 * functions decide the rest, without I/O.
 */

/** A debate as the rules see it. */
export interface DebateFacts {
  authorId: string;
  official: boolean;
  closedAt: Date | null;
  hiddenAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

export function assertSignedIn(actor: Actor | null, doing: string): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
}

/**
 * A participant opens a debate when the phase allows it (`create_debate`); an official debate
 * needs the process's admin (`administer`): without the role it is `role_required`.
 */
export function assertMayOpen(decision: PermissionDecision): void {
  assertAllowed(decision);
}

/** Instructions belong to official debates only. */
export function officialOnlyErrors(
  official: boolean,
  given: { instructions?: unknown; informationUpdate?: unknown },
): FieldError[] {
  if (official) return [];
  const errors: FieldError[] = [];
  if (given.instructions !== undefined && given.instructions !== null) {
    errors.push({ path: 'instructions', message: 'Only official debates have instructions.' });
  }
  if (given.informationUpdate !== undefined) {
    errors.push({ path: 'informationUpdate', message: 'Only official debates take information updates.' });
  }
  return errors;
}

/** The window a debate has once a change is made: the end after the start. */
export function windowErrors(startsAt: Date | null, endsAt: Date | null): FieldError[] {
  if (startsAt && endsAt && startsAt >= endsAt) return [{ path: 'endsAt', message: 'must be after the start time' }];
  return [];
}

function assertOpen(debate: DebateFacts, doing: string): void {
  if (debate.closedAt) throw new DomainError('debate_closed', `This debate is closed: it is not ${doing} any more.`);
}

/**
 * A participant's debate is edited by its author; an official one by the process's admins
 * (`isAdmin`); a closed debate by nobody.
 */
export function assertMayEdit(actor: Actor, debate: DebateFacts, isAdmin: boolean): void {
  if (debate.official ? !isAdmin : debate.authorId !== actor.personId) {
    throw new DomainError(
      'forbidden',
      debate.official ? 'Only the process’s admins edit an official debate.' : 'Only its author edits a debate.',
    );
  }
  assertOpen(debate, 'edited');
}

/** Its author closes a participant's debate; the process's admins close any. Closing again amends the conclusions. */
export function assertMayClose(actor: Actor, debate: DebateFacts, isAdmin: boolean): void {
  if (isAdmin || (!debate.official && debate.authorId === actor.personId)) return;
  throw new DomainError('forbidden', 'Only its author or the process’s admins close a debate.');
}

/** Only the process's admins reopen, and only a closed debate. */
export function assertMayReopen(debate: DebateFacts, isAdmin: boolean): void {
  if (!isAdmin) throw new DomainError('forbidden', 'Only the process’s admins reopen a debate.');
  if (!debate.closedAt) throw new DomainError('conflict', 'This debate is open.');
}

/** Whether the administer check says the actor runs the process; any refusal but a missing role is theirs as is. */
export function isAdminBy(decision: PermissionDecision): boolean {
  if (decision.allowed) return true;
  if (decision.reason === 'role_required') return false;
  assertAllowed(decision);
  return false;
}

/**
 * Why a debate takes no comment now, or `null` when it does: closed, or outside its time window
 * (it takes comments from its start, until its end).
 */
export function commentRefusalOf(
  debate: Pick<DebateFacts, 'closedAt' | 'startsAt' | 'endsAt'>,
  now: Date,
): { code: 'debate_closed' | 'debate_not_open'; message: string } | null {
  if (debate.closedAt) return { code: 'debate_closed', message: 'This debate is closed: it takes no more comments.' };
  if (debate.startsAt && now < debate.startsAt) {
    return { code: 'debate_not_open', message: `This debate takes comments from ${debate.startsAt.toISOString()}.` };
  }
  if (debate.endsAt && now >= debate.endsAt) {
    return { code: 'debate_not_open', message: `This debate took comments until ${debate.endsAt.toISOString()}.` };
  }
  return null;
}
