import { DomainError, type Actor, type PermissionDecision, type ProcessAction } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { maySeeProcess } from '../access/process-access';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { currentParticipation } from '../participation/participation.repository';
import { findById as findTerritory } from '../territory/territory.repository';
import { decide } from './permission.policy';

export interface PermissionDeps {
  db: Kysely<ProcessesDatabase>;
  services: ServiceClient;
}

/**
 * May the actor do `action` in the process now? Reads the rules in force and the person's
 * standing, and asks `members` whether they hold a verification the action requires (in the
 * process's territory or one containing it).
 */
export async function checkPermission(
  deps: PermissionDeps,
  context: CallContext,
  processId: string,
  action: ProcessAction,
  actor: Actor | null,
): Promise<PermissionDecision> {
  const [snapshot, standing] = await Promise.all([
    currentParticipation(deps.db, processId),
    standingIn(deps.db, processId, actor?.personId),
  ]);
  // A draft does not exist for those who may not see it, not even as a refusal.
  if (!snapshot || (snapshot.status === 'draft' && !maySeeProcess(actor, snapshot, standing))) {
    throw new DomainError('not_found', 'No such process.');
  }
  const phaseId = snapshot.activePhaseId;
  const verdict = decide(actor, action, snapshot, standing);
  if (verdict.allowed === true) return { allowed: true, processId, action, phaseId };
  if (verdict.allowed === false) return { ...verdict, processId, action, phaseId };

  const ancestorIds = (await findTerritory(deps.db, verdict.territoryId))?.ancestor_ids ?? [];
  const check = await deps.services.request(
    'members.verification.check',
    {
      personId: actor!.personId,
      kind: verdict.kind,
      territoryId: verdict.territoryId,
      territoryAncestorIds: ancestorIds,
    },
    context,
  );
  if (check.verified) return { allowed: true, processId, action, phaseId };
  return {
    allowed: false,
    processId,
    action,
    phaseId,
    reason: 'verification_required',
    message: `This process requires a verification (${verdict.kind}) in its territory for this.`,
    details: { kind: verdict.kind, territoryId: verdict.territoryId },
  };
}
