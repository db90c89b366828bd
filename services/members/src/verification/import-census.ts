import type { CensusReport, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertTerritoryExists } from '../territory/territories';
import { buildCensusReport, parseCensusCsv } from './census-csv';
import { censusHasher, censusSecret } from './census-hash';
import type { VerificationDeps } from './grant-verification';
import { assertExpiryInFuture, assertMayAdministerVerifications } from './verification.policy';
import { insertCensusEntries, unusedCensusHashes } from './verification.repository';

/**
 * A platform admin imports a census: each valid row becomes an entry holding only salted hashes
 * of its identifier and birth date. Rows refused (empty identifier, bad date, duplicate in the
 * file or of an entry still unused) are reported with their line; a dry run stores nothing. A
 * census for a territory `processes` does not know is refused whole, even on a dry run.
 */
export async function importCensus(
  deps: VerificationDeps,
  context: CallContext,
  request: ParsedRequestOf<'members.verification.importCensus'>,
  configuredSecret: string | undefined,
): Promise<CensusReport> {
  const { actor } = context;
  assertMayAdministerVerifications(actor);
  assertExpiryInFuture(request.expiresAt, new Date());
  const { header, records } = parseCensusCsv(request.csv);
  const { accepted, rejected } = buildCensusReport(header, records);
  const scope = { kind: request.kind, territoryId: request.territoryId ?? null };
  if (scope.territoryId) await assertTerritoryExists(deps.services, context, scope.territoryId);

  return deps.db.transaction().execute(async (trx) => {
    const secret = await censusSecret(trx, configuredSecret, !request.dryRun);
    const hasher = secret ? censusHasher(secret) : undefined;
    const hashed = hasher
      ? accepted.map((row) => ({
          line: row.line,
          identifierHash: hasher.identifier(row.identifier),
          birthDateHash: row.birthDate ? hasher.birthDate(row.birthDate) : null,
        }))
      : [];
    const waiting = await unusedCensusHashes(
      trx,
      scope,
      hashed.map((row) => row.identifierHash),
    );
    const fresh = hashed.filter((row) => !waiting.has(row.identifierHash));
    const stored = request.dryRun
      ? new Set(fresh.map((row) => row.identifierHash))
      : await insertCensusEntries(
          trx,
          {
            ...scope,
            expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
            importedBy: actor.personId,
          },
          fresh,
        );
    const alreadyThere = hasher ? hashed.filter((row) => !stored.has(row.identifierHash)) : [];
    const allRejected = [
      ...rejected,
      ...alreadyThere.map((row) => ({
        line: row.line,
        reason: 'duplicate' as const,
        message: 'already in the census, not used yet',
      })),
    ].sort((a, b) => a.line - b.line);
    return {
      dryRun: request.dryRun,
      rows: records.length,
      accepted: hasher ? stored.size : accepted.length,
      rejected: allRejected,
    };
  });
}
