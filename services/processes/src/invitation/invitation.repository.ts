import type { ProcessInvitation } from '@convergences/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { ProcessesDatabase, ProcessInvitationsTable } from '../db/schema';

export type InvitationRow = Selectable<ProcessInvitationsTable>;
type Db = Kysely<ProcessesDatabase>;

/** Invites those of the people not invited yet, answering the invitations it created. */
export async function insertUnlessInvited(
  db: Db,
  processId: string,
  personIds: readonly string[],
  invitedBy: string,
): Promise<InvitationRow[]> {
  return db
    .insertInto('process_invitations')
    .values(personIds.map((personId) => ({ process_id: processId, person_id: personId, invited_by: invitedBy })))
    .onConflict((oc) => oc.columns(['process_id', 'person_id']).doNothing())
    .returningAll()
    .execute();
}

/** The invitations of these people to the process, oldest first. */
export async function findInvitations(
  db: Db,
  processId: string,
  personIds: readonly string[],
): Promise<InvitationRow[]> {
  return db
    .selectFrom('process_invitations')
    .selectAll()
    .where('process_id', '=', processId)
    .where('person_id', 'in', personIds)
    .orderBy('invited_at')
    .orderBy('person_id')
    .execute();
}

/** Withdraws the person's invitation, answering whether there was one. */
export async function deleteInvitation(db: Db, processId: string, personId: string): Promise<boolean> {
  const { numDeletedRows } = await db
    .deleteFrom('process_invitations')
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return numDeletedRows > 0n;
}

/** Withdraws every invitation of the person, answering what was withdrawn. */
export async function deleteAllInvitationsOf(db: Db, personId: string): Promise<InvitationRow[]> {
  return db.deleteFrom('process_invitations').where('person_id', '=', personId).returningAll().execute();
}

/** Everybody invited to the process, oldest first. */
export async function listForProcess(db: Db, processId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom('process_invitations')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('invited_at')
    .orderBy('person_id')
    .execute();
}

/** The person's invitations, for their personal-data export. */
export async function invitationsOf(
  db: Db,
  personId: string,
): Promise<{ processId: string; slug: string; invitedAt: Date }[]> {
  return db
    .selectFrom('process_invitations as i')
    .innerJoin('processes as p', 'p.id', 'i.process_id')
    .select(['i.process_id as processId', 'p.slug', 'i.invited_at as invitedAt'])
    .where('i.person_id', '=', personId)
    .orderBy('i.invited_at')
    .orderBy('i.process_id')
    .execute();
}

export function toInvitation(row: InvitationRow): ProcessInvitation {
  return {
    processId: row.process_id,
    personId: row.person_id,
    invitedBy: row.invited_by,
    invitedAt: row.invited_at.toISOString(),
  };
}
