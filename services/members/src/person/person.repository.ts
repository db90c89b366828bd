import type { EnsurePersonRequest, MePerson } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { MembersDatabase, PeopleTable } from '../db/schema';

export type PersonRow = Selectable<PeopleTable>;

/** Inserts the person met for the first time, or mirrors the token's facts onto them. */
export async function upsertBySubject(
  db: Kysely<MembersDatabase>,
  seen: EnsurePersonRequest,
): Promise<{ person: PersonRow; registered: boolean }> {
  const row = await db
    .insertInto('people')
    .values({
      id: uuidv7(),
      subject: seen.subject,
      username: seen.username,
      display_name: seen.displayName?.trim() || seen.username,
      email: seen.email,
      locale: seen.locale,
      roles: seen.roles,
    })
    .onConflict((oc) =>
      oc.column('subject').doUpdateSet((eb) => ({
        username: eb.ref('excluded.username'),
        email: eb.ref('excluded.email'),
        roles: eb.ref('excluded.roles'),
        last_seen_at: sql<Date>`now()`,
      })),
    )
    .returningAll()
    .returning(sql<boolean>`xmax = 0`.as('registered'))
    .executeTakeFirstOrThrow();
  const { registered, ...person } = row;
  return { person, registered };
}

export async function findById(db: Kysely<MembersDatabase>, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The person as they see themself. */
export function toMePerson(row: PersonRow): MePerson {
  return {
    id: row.id,
    subject: row.subject,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    locale: row.locale,
    roles: row.roles,
    createdAt: row.created_at.toISOString(),
  };
}
