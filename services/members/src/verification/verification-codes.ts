import {
  DomainError,
  type Actor,
  type CreatedCodes,
  type ParsedRequestOf,
  type Verification,
} from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertTerritoryExists } from '../territory/territories';
import { grantWithin, type VerificationDeps } from './grant-verification';
import { generateCode, hashCode } from './verification-code';
import { assertExpiryInFuture, assertMayAdministerVerifications, assertMayVerifyThemself } from './verification.policy';
import { insertCodes, useCode } from './verification.repository';

/**
 * A platform admin creates one-time codes, for every territory or for one that exists: they are
 * answered once and only their hashes are kept.
 */
export async function createCodes(
  deps: VerificationDeps,
  context: CallContext,
  request: ParsedRequestOf<'members.verification.createCodes'>,
): Promise<CreatedCodes> {
  const { actor } = context;
  assertMayAdministerVerifications(actor);
  assertExpiryInFuture(request.expiresAt, new Date());
  if (request.territoryId) await assertTerritoryExists(deps.services, context, request.territoryId);
  const codes = [...new Set(Array.from({ length: request.count }, generateCode))];
  const scope = {
    kind: request.kind,
    territoryId: request.territoryId ?? null,
    expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
  };
  await insertCodes(deps.db, { ...scope, createdBy: actor.personId }, codes.map(hashCode));
  return { codes, kind: scope.kind, territoryId: scope.territoryId, expiresAt: scope.expiresAt?.toISOString() ?? null };
}

/** A person redeems a code: it grants its verification and is used up, in one transaction. */
export async function redeemCode(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  code: string,
): Promise<Verification> {
  assertMayVerifyThemself(actor);
  return db.transaction().execute(async (trx) => {
    const used = await useCode(trx, hashCode(code), actor.personId);
    if (!used) throw new DomainError('verification_refused', 'This code is unknown, already used or expired.');
    return grantWithin(trx, actor, {
      personId: actor.personId,
      kind: used.kind,
      territoryId: used.territory_id,
      method: 'code',
      grantedBy: used.created_by,
      expiresAt: used.expires_at,
    });
  });
}
