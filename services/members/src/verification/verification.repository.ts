import { fetchPage } from '@convergences/database';
import type {
  MyVerificationsQuery,
  Verification,
  VerificationKind,
  VerificationListQuery,
  VerificationMethod,
} from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CensusEntriesTable, MembersDatabase, VerificationCodesTable, VerificationsTable } from '../db/schema';
import { isActive } from './verification.policy';

export type VerificationRow = Selectable<VerificationsTable>;
export type CensusEntryRow = Selectable<CensusEntriesTable>;
export type VerificationCodeRow = Selectable<VerificationCodesTable>;
type Db = Kysely<MembersDatabase>;
type VerificationView = VerificationRow & { person_name: string };

/** Where a verification applies: a kind, and a territory or `null` for every territory. */
export interface VerificationScope {
  kind: VerificationKind;
  territoryId: string | null;
}

const withPerson = (db: Db) =>
  db
    .selectFrom('verifications as v')
    .innerJoin('people as p', 'p.id', 'v.person_id')
    .selectAll('v')
    .select('p.display_name as person_name');

export function toVerification(row: VerificationView, now = new Date()): Verification {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    kind: row.kind,
    territoryId: row.territory_id,
    method: row.method,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
    active: isActive(row, now),
  };
}

export async function findView(db: Db, id: string): Promise<VerificationView | undefined> {
  return withPerson(db).where('v.id', '=', id).executeTakeFirst();
}

export async function lockById(db: Db, id: string): Promise<VerificationRow | undefined> {
  return db.selectFrom('verifications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  return !!(await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst());
}

/** The person's unrevoked verification for exactly this kind and territory, locked. */
export async function lockUnrevoked(
  db: Db,
  personId: string,
  scope: VerificationScope,
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', scope.kind)
    .where(sql<boolean>`territory_id is not distinct from ${scope.territoryId}`)
    .where('revoked_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a verification, or answers `undefined` when an unrevoked one holds the same place. */
export async function insertUnlessPresent(
  db: Db,
  verification: VerificationScope & {
    personId: string;
    method: VerificationMethod;
    grantedBy: string | null;
    expiresAt: Date | null;
  },
): Promise<VerificationRow | undefined> {
  return db
    .insertInto('verifications')
    .values({
      id: uuidv7(),
      person_id: verification.personId,
      kind: verification.kind,
      territory_id: verification.territoryId,
      method: verification.method,
      granted_by: verification.grantedBy,
      expires_at: verification.expiresAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function markRevoked(
  db: Db,
  ids: string[],
  revokedBy: string | null,
  reason: string | null,
): Promise<VerificationRow[]> {
  if (ids.length === 0) return [];
  return db
    .updateTable('verifications')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: revokedBy, revoke_reason: reason })
    .where('id', 'in', ids)
    .where('revoked_at', 'is', null)
    .returningAll()
    .execute();
}

/** Revokes every unrevoked verification matching a condition, in one statement; answers them. */
export async function markRevokedMatching(
  db: Db,
  condition: VerificationScope & { anyTerritory: boolean; grantedBefore?: Date; method?: VerificationMethod },
  revokedBy: string,
  reason: string | null,
): Promise<VerificationRow[]> {
  let query = db
    .updateTable('verifications')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: revokedBy, revoke_reason: reason })
    .where('kind', '=', condition.kind)
    .where('revoked_at', 'is', null);
  if (!condition.anyTerritory) query = query.where('territory_id', '=', condition.territoryId);
  if (condition.grantedBefore) query = query.where('granted_at', '<', condition.grantedBefore);
  if (condition.method) query = query.where('method', '=', condition.method);
  return query.returningAll().execute();
}

/**
 * The person's valid verification of a kind for one of the territories (or for every territory),
 * the one lasting longest first.
 */
export async function findValid(
  db: Db,
  personId: string,
  kind: VerificationKind,
  territoryIds: string[],
): Promise<VerificationRow | undefined> {
  return db
    .selectFrom('verifications')
    .selectAll()
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .where((eb) => eb.or([eb('territory_id', 'is', null), eb('territory_id', 'in', territoryIds)]))
    .orderBy(sql`expires_at desc nulls first`)
    .executeTakeFirst();
}

export async function list(
  db: Db,
  query: Pick<VerificationListQuery, 'page' | 'perPage' | 'sort' | 'active'> &
    Partial<Pick<VerificationListQuery, 'personId' | 'kind' | 'territoryId' | 'method'>>,
): Promise<{ rows: VerificationView[]; total: number }> {
  let filtered = withPerson(db);
  if (query.personId) filtered = filtered.where('v.person_id', '=', query.personId);
  if (query.kind) filtered = filtered.where('v.kind', '=', query.kind);
  if (query.territoryId) filtered = filtered.where('v.territory_id', '=', query.territoryId);
  if (query.method) filtered = filtered.where('v.method', '=', query.method);
  if (query.active !== undefined) {
    const active = sql<boolean>`(v.revoked_at is null and (v.expires_at is null or v.expires_at > now()))`;
    filtered = filtered.where(query.active ? active : sql<boolean>`not ${active}`);
  }
  const ordered =
    query.sort === 'expiresAt'
      ? filtered.orderBy(sql`v.expires_at asc nulls last`).orderBy('v.id', 'desc')
      : filtered.orderBy('v.granted_at', 'desc').orderBy('v.id', 'desc');
  return fetchPage(
    ordered,
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export async function listForPerson(db: Db, personId: string, query: MyVerificationsQuery) {
  return list(db, { ...query, personId });
}

/** Census hashes of this kind and territory already waiting to be used, among those given. */
export async function unusedCensusHashes(db: Db, scope: VerificationScope, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('census_entries')
    .select('identifier_hash')
    .where('kind', '=', scope.kind)
    .where(sql<boolean>`territory_id is not distinct from ${scope.territoryId}`)
    .where('used_at', 'is', null)
    .where('identifier_hash', 'in', hashes)
    .execute();
  return new Set(rows.map((row) => row.identifier_hash));
}

/** Stores census entries, skipping any already waiting; answers the identifier hashes stored. */
export async function insertCensusEntries(
  db: Db,
  scope: VerificationScope & { expiresAt: Date | null; importedBy: string },
  entries: { identifierHash: string; birthDateHash: string | null }[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  // Postgres takes at most 65535 parameters per statement: 1000 rows of 7 stay well below.
  for (let start = 0; start < entries.length; start += 1000) {
    const rows = await db
      .insertInto('census_entries')
      .values(
        entries.slice(start, start + 1000).map((entry) => ({
          id: uuidv7(),
          kind: scope.kind,
          territory_id: scope.territoryId,
          identifier_hash: entry.identifierHash,
          birth_date_hash: entry.birthDateHash,
          expires_at: scope.expiresAt,
          imported_by: scope.importedBy,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('identifier_hash')
      .execute();
    for (const row of rows) stored.add(row.identifier_hash);
  }
  return stored;
}

/**
 * Marks the matching unused census entry used by the person, if there is one whose birth date
 * matches (when it has one) and whose expiry has not passed. A concurrent use of the same entry
 * waits on its row and then finds it used.
 */
export async function useCensusEntry(
  db: Db,
  scope: VerificationScope,
  identifierHash: string,
  birthDateHash: string | null,
  personId: string,
): Promise<CensusEntryRow | undefined> {
  return db
    .updateTable('census_entries')
    .set({ used_at: sql<Date>`now()`, used_by: personId })
    .where('kind', '=', scope.kind)
    .where(sql<boolean>`territory_id is not distinct from ${scope.territoryId}`)
    .where('identifier_hash', '=', identifierHash)
    .where('used_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .where((eb) => eb.or([eb('birth_date_hash', 'is', null), eb('birth_date_hash', '=', birthDateHash)]))
    .returningAll()
    .executeTakeFirst();
}

export async function insertCodes(
  db: Db,
  scope: VerificationScope & { expiresAt: Date | null; createdBy: string },
  codeHashes: string[],
): Promise<void> {
  await db
    .insertInto('verification_codes')
    .values(
      codeHashes.map((codeHash) => ({
        id: uuidv7(),
        code_hash: codeHash,
        kind: scope.kind,
        territory_id: scope.territoryId,
        expires_at: scope.expiresAt,
        created_by: scope.createdBy,
      })),
    )
    .execute();
}

/** Marks an unused, unexpired code used by the person; a concurrent redemption finds it used. */
export async function useCode(db: Db, codeHash: string, personId: string): Promise<VerificationCodeRow | undefined> {
  return db
    .updateTable('verification_codes')
    .set({ used_at: sql<Date>`now()`, used_by: personId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}
