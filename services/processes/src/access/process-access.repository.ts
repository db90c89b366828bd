import type { ProcessRole } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;

/** What the platform knows of a person's standing in one process. */
export interface ProcessStanding {
  roles: ProcessRole[];
  invited: boolean;
  blocked: boolean;
}

const nobody: ProcessStanding = { roles: [], invited: false, blocked: false };

/** The person's roles in the process, whether they are invited to it, and whether they are blocked. */
export async function standingIn(
  db: Db,
  processId: string,
  personId: string | null | undefined,
): Promise<ProcessStanding> {
  if (!personId) return nobody;
  const [roles, invitation, block] = await Promise.all([
    db
      .selectFrom('process_roles')
      .select('role')
      .where('process_id', '=', processId)
      .where('person_id', '=', personId)
      .execute(),
    db
      .selectFrom('process_invitations')
      .select('person_id')
      .where('process_id', '=', processId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),
    db.selectFrom('blocked_people').select('person_id').where('person_id', '=', personId).executeTakeFirst(),
  ]);
  return { roles: roles.map((r) => r.role), invited: !!invitation, blocked: !!block };
}
