import { DomainError, hasRealmRole, type Actor } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { mayRead, type FrameworkAccess } from './framework.policy';
import { findFramework, type FrameworkRow } from './framework.repository';

type Db = Kysely<EvaluationsDatabase>;

export async function isEditorOf(db: Db, lineageId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('framework_editors')
    .select('person_id')
    .where('lineage_id', '=', lineageId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return !!row;
}

/** What the actor may do with a lineage: platform admin, named editor, or neither. */
export async function accessTo(db: Db, actor: Actor | null, lineageId: string): Promise<FrameworkAccess> {
  const isAdmin = hasRealmRole(actor, 'admin');
  const isEditor = actor && !isAdmin ? await isEditorOf(db, lineageId, actor.personId) : false;
  return { actor, isAdmin, isEditor };
}

/** A version and the actor's access to it; a draft the actor may not read does not exist for them. */
export async function frameworkFor(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ framework: FrameworkRow; access: FrameworkAccess }> {
  const framework = await findFramework(db, id);
  if (!framework) throw new DomainError('not_found', 'No such framework.');
  const access = await accessTo(db, actor, framework.lineage_id);
  if (!mayRead(access, framework.status)) throw new DomainError('not_found', 'No such framework.');
  return { framework, access };
}

/**
 * A version the actor means to write to: 404 when there is no such version at all; the rules of
 * writing (editor, draft) are the caller's to check, so a non-editor hears that they may not.
 */
export async function frameworkToWrite(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ framework: FrameworkRow; access: FrameworkAccess }> {
  const framework = await findFramework(db, id);
  if (!framework) throw new DomainError('not_found', 'No such framework.');
  return { framework, access: await accessTo(db, actor, framework.lineage_id) };
}
