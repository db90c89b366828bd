import type { Actor } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { standingIn, type ProcessStanding } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayManageAccess, assertMayReadAccess } from './role.policy';
import { findProcessFrame, lockProcessFrame, type ProcessFrameRow } from './role.repository';

type Db = Kysely<ProcessesDatabase>;

/** What changing roles and invitations needs: the database, and members to check the people named. */
export interface AccessChangeDeps {
  db: Db;
  services: ServiceClient;
}

/** A process whose roles or invitations the actor reads or changes, and the actor's standing in it. */
export interface ProcessAccess {
  process: ProcessFrameRow;
  standing: ProcessStanding;
}

/** The process, if the actor may read its roles and invitations. */
export async function readAccess(db: Db, actor: Actor, processId: string): Promise<ProcessAccess> {
  const process = await findProcessFrame(db, processId);
  const standing = await standingIn(db, processId, actor.personId);
  assertMayReadAccess(actor, process, standing);
  return { process, standing };
}

/**
 * The process, if the actor may change its roles and invitations. Checked before asking members
 * about the people a request names, so that nobody else learns which ids are people.
 */
export async function checkAccessChange(db: Db, actor: Actor, processId: string): Promise<ProcessAccess> {
  const process = await findProcessFrame(db, processId);
  const standing = await standingIn(db, processId, actor.personId);
  assertMayManageAccess(actor, process, standing);
  return { process, standing };
}

/**
 * Locks the process (changes of one process's roles and invitations happen one at a time, so the
 * last-admin rule holds under concurrency) and checks again, under that lock, that the actor may
 * change them: their own admin role may have gone meanwhile.
 */
export async function lockAccessChange(trx: Db, actor: Actor, processId: string): Promise<ProcessAccess> {
  const process = await lockProcessFrame(trx, processId);
  const standing = await standingIn(trx, processId, actor.personId);
  assertMayManageAccess(actor, process, standing);
  return { process, standing };
}
