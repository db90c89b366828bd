import type { Actor, ProcessInvitation } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { readAccess } from '../role/role-access';
import { assertSignedIn } from '../role/role.policy';
import { listForProcess, toInvitation } from './invitation.repository';

/** Everybody invited to a process, for its role holders and platform admins. */
export async function listInvitations(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  processId: string,
): Promise<{ data: ProcessInvitation[] }> {
  assertSignedIn(actor);
  await readAccess(db, actor, processId);
  return { data: (await listForProcess(db, processId)).map(toInvitation) };
}
