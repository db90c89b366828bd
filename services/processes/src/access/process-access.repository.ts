import type { ProcessRole } from '@convergences/contracts';
import { sql, type Kysely } from 'kysely';
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
  // One round trip: every permission check asks this.
  const { rows } = await sql<{ roles: ProcessRole[]; invited: boolean; blocked: boolean }>`select
      coalesce((select array_agg(role order by role) from process_roles
        where process_id = ${processId} and person_id = ${personId}), '{}') as roles,
      exists (select 1 from process_invitations where process_id = ${processId} and person_id = ${personId}) as invited,
      exists (select 1 from blocked_people where person_id = ${personId}) as blocked`.execute(db);
  return rows[0];
}
