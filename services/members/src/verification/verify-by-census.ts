import { DomainError, type Actor, type ParsedRequestOf, type Verification } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { normaliseBirthDate, normaliseIdentifier } from './census-csv';
import { censusHasher, censusSecret } from './census-hash';
import { grantWithin } from './grant-verification';
import { assertMayVerifyThemself } from './verification.policy';
import { useCensusEntry } from './verification.repository';

const refused = () =>
  new DomainError('verification_refused', 'No unused census entry matches this identifier and birth date.');

/**
 * A person verifies themself with their identifier (and birth date): a matching unused census
 * entry grants the verification and is used up, in one transaction. Whatever does not match is
 * the same refusal, so the answer tells nothing about the census.
 */
export async function verifyByCensus(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'members.verification.verifyByCensus'>,
  configuredSecret: string | undefined,
): Promise<Verification> {
  assertMayVerifyThemself(actor);
  const identifier = normaliseIdentifier(request.identifier);
  const birthDate = request.birthDate ? normaliseBirthDate(request.birthDate) : null;
  if (!identifier) throw refused();
  if (request.birthDate && !birthDate)
    throw new DomainError('validation_failed', 'The birth date is invalid.', undefined, [
      { path: 'birthDate', message: 'YYYY-MM-DD or DD/MM/YYYY' },
    ]);
  const scope = { kind: request.kind, territoryId: request.territoryId ?? null };
  return db.transaction().execute(async (trx) => {
    const secret = await censusSecret(trx, configuredSecret, false);
    if (!secret) throw refused();
    const hasher = censusHasher(secret);
    const entry = await useCensusEntry(
      trx,
      scope,
      hasher.identifier(identifier),
      birthDate ? hasher.birthDate(birthDate) : null,
      actor.personId,
    );
    if (!entry) throw refused();
    return grantWithin(trx, actor, {
      personId: actor.personId,
      ...scope,
      method: 'census',
      grantedBy: null,
      expiresAt: entry.expires_at,
    });
  });
}
