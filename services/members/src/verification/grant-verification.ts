import {
  DomainError,
  type Actor,
  type GrantVerificationRequest,
  type Verification,
  type VerificationMethod,
} from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { activityRecorded } from '../activity/activity-recorded';
import type { MembersDatabase } from '../db/schema';
import { assertTerritoryExists } from '../territory/territories';
import { assertExpiryInFuture, assertMayAdministerVerifications, isActive } from './verification.policy';
import {
  findView,
  insertUnlessPresent,
  lockUnrevoked,
  markRevoked,
  personExists,
  toVerification,
  type VerificationScope,
} from './verification.repository';

export interface VerificationDeps {
  db: Kysely<MembersDatabase>;
  /** To ask `processes` about territories. */
  services: ServiceClient;
}

/** What a grant writes, whichever way it was obtained. */
export interface Grant extends VerificationScope {
  personId: string;
  method: VerificationMethod;
  grantedBy: string | null;
  expiresAt: Date | null;
}

/**
 * Grants a verification inside the caller's transaction and announces it. A person holds one
 * unrevoked verification per kind and territory (a unique index): a valid one is a 409; an
 * expired one is revoked first, as replaced.
 */
export async function grantWithin(trx: Kysely<MembersDatabase>, actor: Actor, grant: Grant): Promise<Verification> {
  const current = await lockUnrevoked(trx, grant.personId, grant);
  if (current && isActive(current, new Date()))
    throw new DomainError('conflict', 'This person is already verified for this kind and territory.', {
      verificationId: current.id,
    });
  if (current) await markRevoked(trx, [current.id], actor.personId, 'expired, replaced by a new verification');
  const row = await insertUnlessPresent(trx, grant);
  if (!row) throw new DomainError('conflict', 'This person is already verified for this kind and territory.');
  await addToOutbox(
    trx,
    domainEvent(
      'members.verification.granted',
      {
        verificationId: row.id,
        personId: row.person_id,
        kind: row.kind,
        territoryId: row.territory_id,
        method: row.method,
        expiresAt: row.expires_at?.toISOString() ?? null,
      },
      actor,
    ),
  );
  return toVerification((await findView(trx, row.id))!);
}

/** A platform admin verifies a person by hand, for every territory or for one that exists. */
export async function grantVerification(
  deps: VerificationDeps,
  context: CallContext,
  request: GrantVerificationRequest,
): Promise<Verification> {
  const { actor } = context;
  assertMayAdministerVerifications(actor);
  assertExpiryInFuture(request.expiresAt, new Date());
  if (request.territoryId) await assertTerritoryExists(deps.services, context, request.territoryId);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await personExists(trx, request.personId))) throw new DomainError('not_found', 'No such person.');
    const verification = await grantWithin(trx, actor, {
      personId: request.personId,
      kind: request.kind,
      territoryId: request.territoryId ?? null,
      method: 'manual',
      grantedBy: actor.personId,
      expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
    });
    await addToOutbox(
      trx,
      activityRecorded(actor, {
        action: 'verification.granted',
        resourceType: 'person',
        resourceId: request.personId,
        details: { verificationId: verification.id, kind: request.kind, territoryId: request.territoryId ?? null },
      }),
    );
    return verification;
  });
}
