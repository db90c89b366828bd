import {
  hasRealmRole,
  participantActions,
  type Actor,
  type DenyReason,
  type ParticipantAction,
  type ParticipationSnapshot,
  type ProcessAction,
  type VerificationKind,
} from '@convergences/contracts';
import { holdsRole, mayAdminister, mayReadAll, maySeeProcess } from '../access/process-access';
import type { ProcessStanding } from '../access/process-access.repository';

/** What the rules say before any verification is looked up. */
export type Verdict =
  | { allowed: true }
  | { allowed: false; reason: DenyReason; message: string; details?: Record<string, unknown> }
  /** Allowed once the person is shown to hold this verification in the process's territory. */
  | { allowed: 'if_verified'; kind: VerificationKind; territoryId: string };

const deny = (reason: DenyReason, message: string, details?: Record<string, unknown>): Verdict => ({
  allowed: false,
  reason,
  message,
  ...(details ? { details } : {}),
});

const isParticipantAction = (action: ProcessAction): action is ParticipantAction =>
  (participantActions as readonly string[]).includes(action);

/**
 * The rules of a process, in one place: may `actor` do `action` in the process `snapshot`
 * describes, given their standing in it? The order of the checks is the order in which a
 * person can do something about a refusal: sign in, be unblocked, be invited, wait for the
 * right phase, get verified.
 */
export function decide(
  actor: Actor | null,
  action: ProcessAction,
  snapshot: ParticipationSnapshot,
  standing: ProcessStanding,
): Verdict {
  if (action === 'view') {
    if (maySeeProcess(actor, snapshot, standing)) return { allowed: true };
    if (snapshot.status === 'draft') return deny('process_not_published', 'This process is not published yet.');
    if (!actor) return deny('unauthenticated', 'This process is private: sign in if you were invited to it.');
    return deny('not_invited', 'This process is private: only the people invited to it take part.');
  }
  if (!actor) return deny('unauthenticated', 'Sign in to take part.');
  if (standing.blocked) {
    return deny(
      'blocked_person',
      'Your account is blocked by the platform administrators: you can read, not take part.',
    );
  }
  if (!isParticipantAction(action)) return decideRoleAction(actor, action, standing);

  if (snapshot.status === 'draft') return deny('process_not_published', 'This process is not open yet.');
  if (snapshot.status === 'closed') return deny('process_closed', 'This process is closed.');
  if (snapshot.visibility === 'private' && !standing.invited && !mayReadAll(actor, standing)) {
    return deny('not_invited', 'This process is private: only the people invited to it take part.');
  }
  const refusal = phaseRefusal(action, snapshot, mayAdminister(actor, standing));
  if (refusal) return refusal;

  const kind = snapshot.settings.requiredVerifications[action];
  if (kind && snapshot.territoryId) return { allowed: 'if_verified', kind, territoryId: snapshot.territoryId };
  return { allowed: true };
}

/** Whether the active phase opens the action; `undefined` when it does. */
function phaseRefusal(
  action: ParticipantAction,
  snapshot: ParticipationSnapshot,
  isAdmin: boolean,
): Verdict | undefined {
  const rules = snapshot.rules;
  const closed = (what: string) =>
    deny('phase_closed', `${what} is not open in the current phase of this process.`, {
      activePhaseId: snapshot.activePhaseId,
    });
  if (!rules) return deny('phase_closed', 'No phase of this process is open yet.', { activePhaseId: null });
  switch (action) {
    case 'create_proposal':
      return rules.proposals.creationEnabled ? undefined : closed('Submitting proposals');
    case 'support_proposal':
      if (!rules.proposals.supportsEnabled) return closed('Supporting proposals');
      if (rules.proposals.supportsBlocked) {
        return deny('supports_blocked', 'Supports are frozen in the current phase: they are shown, none can change.', {
          activePhaseId: snapshot.activePhaseId,
        });
      }
      return undefined;
    case 'endorse_proposal':
      return rules.proposals.endorsementsEnabled ? undefined : closed('Endorsing proposals');
    case 'create_debate':
      // The process's admins open debates whatever the phase; participants when the phase lets them.
      return rules.debates.creationEnabled || isAdmin ? undefined : closed('Opening debates');
    case 'comment':
      if (!rules.comments.enabled) return closed('Commenting');
      if (rules.comments.blocked) {
        return deny(
          'comments_blocked',
          'Comments are frozen in the current phase: they are shown, none can be added.',
          {
            activePhaseId: snapshot.activePhaseId,
          },
        );
      }
      return undefined;
  }
}

/** The actions of process roles: reading everything, moderating, valuating, answering, administering. */
function decideRoleAction(
  actor: Actor,
  action: Exclude<ProcessAction, 'view' | ParticipantAction>,
  standing: ProcessStanding,
): Verdict {
  const allowed = (() => {
    switch (action) {
      case 'read_all':
        return mayReadAll(actor, standing);
      case 'moderate':
        return holdsRole(actor, standing, 'moderator');
      case 'valuate':
        return holdsRole(actor, standing, 'valuator');
      case 'answer_proposal':
      case 'administer':
        return mayAdminister(actor, standing);
    }
  })();
  if (allowed) return { allowed: true };
  const needed = {
    read_all: 'a role',
    moderate: 'moderator',
    valuate: 'valuator',
    answer_proposal: 'admin',
    administer: 'admin',
  }[action];
  return deny('role_required', `This needs the ${needed} role in this process.`, {
    platformAdmin: hasRealmRole(actor, 'admin'),
    roles: standing.roles,
  });
}
