import type { Actor, MyProcessRole, ProcessRoleAssignment } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { readAccess } from './role-access';
import { assertMaySeeRolesOf, assertSignedIn } from './role.policy';
import { listForPerson, listForProcess, toAssignment } from './role.repository';

/** Who holds which role in a process, for its role holders and platform admins. */
export async function listRoles(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  processId: string,
): Promise<{ data: ProcessRoleAssignment[] }> {
  assertSignedIn(actor);
  await readAccess(db, actor, processId);
  return { data: (await listForProcess(db, processId)).map(toAssignment) };
}

/** The processes where a person holds roles, for that person and for platform admins. */
export async function listRolesOfPerson(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  personId: string,
): Promise<{ data: MyProcessRole[] }> {
  assertMaySeeRolesOf(actor, personId);
  return { data: await listForPerson(db, personId) };
}
