import { fetchPage, likePattern } from '@convergences/database';
import type {
  AdminPerson,
  EnsurePersonRequest,
  MePerson,
  PersonListQuery,
  ProfileVisibility,
  PublicPerson,
} from '@convergences/contracts';
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { MembersDatabase, PeopleTable } from '../db/schema';
import { showsFullProfile } from './person.policy';

export type PersonRow = Selectable<PeopleTable>;
type Db = Kysely<MembersDatabase>;

/**
 * Mirrors the token's facts (username, email, roles) onto a known person; undefined if unknown or
 * deleted (a deleted account stays anonymised: nothing is ever mirrored onto it again).
 */
export async function refreshBySubject(db: Db, seen: EnsurePersonRequest): Promise<PersonRow | undefined> {
  return db
    .updateTable('people')
    .set({ username: seen.username, email: seen.email, roles: seen.roles, last_seen_at: sql<Date>`now()` })
    .where('subject', '=', seen.subject)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Inserts the person met for the first time under `nickname`; undefined when the subject or the
 * nickname is taken, even by a transaction committing meanwhile (it waits for it).
 */
export async function insertUnlessTaken(
  db: Db,
  seen: EnsurePersonRequest,
  nickname: string,
): Promise<PersonRow | undefined> {
  return db
    .insertInto('people')
    .values({
      id: uuidv7(),
      subject: seen.subject,
      username: seen.username,
      nickname,
      display_name: (seen.displayName?.trim() || seen.username).slice(0, 100),
      email: seen.email,
      locale: seen.locale,
      roles: seen.roles,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The nicknames taken among `base` and its numbered variants. */
export async function nicknamesLike(db: Db, base: string): Promise<string[]> {
  const pattern = likePattern(base.slice(0, 25), 'startsWith');
  const rows = await db.selectFrom('people').select('nickname').where('nickname', 'like', pattern).execute();
  return rows.map((row) => row.nickname);
}

export async function findById(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Those of `ids` that are people with an account (deleted accounts left out). */
export async function existingIds(db: Db, ids: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export async function lockById(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A person by nickname, whatever its case. */
export async function findByNickname(db: Db, nickname: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('nickname', '=', nickname.toLowerCase()).executeTakeFirst();
}

export type ProfileChanges = Pick<
  Updateable<PeopleTable>,
  'display_name' | 'nickname' | 'locale' | 'bio' | 'profile_visibility' | 'territory_id'
>;

/** Saves profile changes; undefined when the new nickname is taken by someone else. */
export async function updateProfile(db: Db, id: string, changes: ProfileChanges): Promise<PersonRow | undefined> {
  const query = db
    .updateTable('people')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll();
  if (!changes.nickname) return query.executeTakeFirstOrThrow();
  // A savepoint, so that losing the race for a nickname leaves the caller's transaction usable.
  return sql`savepoint nickname_change`.execute(db).then(async () => {
    try {
      const row = await query.executeTakeFirstOrThrow();
      await sql`release savepoint nickname_change`.execute(db);
      return row;
    } catch (error) {
      if ((error as { constraint?: string }).constraint !== 'people_nickname_key') throw error;
      await sql`rollback to savepoint nickname_change`.execute(db);
      return undefined;
    }
  });
}

export async function markBlocked(db: Db, id: string, reason: string, blockedBy: string): Promise<PersonRow> {
  return db
    .updateTable('people')
    .set({ blocked_at: sql<Date>`now()`, block_reason: reason, blocked_by: blockedBy, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markUnblocked(db: Db, id: string): Promise<PersonRow> {
  return db
    .updateTable('people')
    .set({ blocked_at: null, block_reason: null, blocked_by: null, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addToProposalsCount(db: Db, id: string, delta: number): Promise<void> {
  await db
    .updateTable('people')
    .set((eb) => ({ proposals_count: eb('proposals_count', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

const orders = {
  recent: [['created_at', 'desc']],
  createdAt: [['created_at', 'asc']],
  '-createdAt': [['created_at', 'desc']],
  nickname: [['nickname', 'asc']],
  '-nickname': [['nickname', 'desc']],
  displayName: [[sql`lower(display_name)`, 'asc']],
  '-displayName': [[sql`lower(display_name)`, 'desc']],
} as const;

/** One page of people matching the query, with the total. */
export async function list(db: Db, query: PersonListQuery): Promise<{ rows: PersonRow[]; total: number }> {
  let filtered = db.selectFrom('people');
  if (query.blocked !== undefined) filtered = filtered.where('blocked_at', query.blocked ? 'is not' : 'is', null);
  if (query.q) {
    const pattern = likePattern(query.q);
    filtered = filtered.where((eb) =>
      eb.or([
        eb('nickname', 'ilike', pattern),
        eb('display_name', 'ilike', pattern),
        eb(sql`coalesce(email, '')`, 'ilike', pattern),
      ]),
    );
  }
  let page = filtered.selectAll();
  for (const [column, direction] of orders[query.sort]) page = page.orderBy(column, direction);
  return fetchPage(
    page.orderBy('id', 'desc'),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

/** The person as they see themself. */
export function toMePerson(row: PersonRow): MePerson {
  return {
    id: row.id,
    subject: row.subject,
    username: row.username,
    nickname: row.nickname,
    displayName: row.display_name,
    email: row.email,
    locale: row.locale,
    bio: row.bio,
    territoryId: row.territory_id,
    profileVisibility: row.profile_visibility,
    roles: row.roles,
    blocked: row.blocked_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The person as platform admins see them. */
export function toAdminPerson(row: PersonRow): AdminPerson {
  return {
    ...toMePerson(row),
    blockedAt: row.blocked_at?.toISOString() ?? null,
    blockReason: row.block_reason,
    blockedBy: row.blocked_by,
    proposalsCount: row.proposals_count,
    lastSeenAt: row.last_seen_at.toISOString(),
  };
}

/** The person as anybody sees them, as far as they chose to show (with the verified organisations they belong to). */
export type PublicOrganizationRef = { id: string; slug: string; name: string };

export function toPublicPerson(row: PersonRow, organizations: PublicOrganizationRef[]): PublicPerson {
  const visibility: ProfileVisibility = row.profile_visibility;
  if (!showsFullProfile(visibility)) return { nickname: row.nickname, displayName: row.display_name, private: true };
  return {
    nickname: row.nickname,
    displayName: row.display_name,
    bio: row.bio,
    locale: row.locale,
    territoryId: row.territory_id,
    private: false,
    organizations,
    proposalsCount: row.proposals_count,
  };
}
