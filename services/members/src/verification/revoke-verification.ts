import { DomainError, type Actor, type ParsedRequestOf, type Verification } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { activityRecorded } from '../activity/activity-recorded';
import type { MembersDatabase } from '../db/schema';
import { assertMayAdministerVerifications } from './verification.policy';
import {
  findView,
  lockById,
  markRevoked,
  markRevokedMatching,
  toVerification,
  type VerificationRow,
} from './verification.repository';

const revokedEvent = (row: VerificationRow, actor: Actor) =>
  domainEvent(
    'members.verification.revoked',
    {
      verificationId: row.id,
      personId: row.person_id,
      kind: row.kind,
      territoryId: row.territory_id,
      reason: row.revoke_reason,
    },
    actor,
  );

const revokedActivity = (row: VerificationRow, actor: Actor) =>
  activityRecorded(actor, {
    action: 'verification.revoked',
    resourceType: 'person',
    resourceId: row.person_id,
    reason: row.revoke_reason,
    details: { verificationId: row.id, kind: row.kind, territoryId: row.territory_id },
  });

/** A platform admin revokes a verification, with a reason; revoking a revoked one changes nothing. */
export async function revokeVerification(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
  reason: string,
): Promise<Verification> {
  assertMayAdministerVerifications(actor);
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, id);
    if (!current) throw new DomainError('not_found', 'No such verification.');
    if (!current.revoked_at) {
      const [row] = await markRevoked(trx, [id], actor.personId, reason);
      await addToOutbox(trx, revokedEvent(row, actor), revokedActivity(row, actor));
    }
    return toVerification((await findView(trx, id))!);
  });
}

/** A platform admin revokes every unrevoked verification matching a condition; answers how many. */
export async function revokeMatching(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'members.verification.revokeMatching'>,
): Promise<{ count: number }> {
  assertMayAdministerVerifications(actor);
  return db.transaction().execute(async (trx) => {
    const rows = await markRevokedMatching(
      trx,
      {
        kind: request.kind,
        territoryId: request.territoryId ?? null,
        anyTerritory: request.territoryId === undefined,
        grantedBefore: request.grantedBefore ? new Date(request.grantedBefore) : undefined,
        method: request.method,
      },
      actor.personId,
      request.reason ?? null,
    );
    await addToOutbox(trx, ...rows.flatMap((row) => [revokedEvent(row, actor), revokedActivity(row, actor)]));
    return { count: rows.length };
  });
}
