import {
  processRoles,
  type MyProcessRole,
  type ProcessRole,
  type ProcessRoleAssignment,
} from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProcessesDatabase, ProcessRolesTable } from '../db/schema';

export type RoleRow = Selectable<ProcessRolesTable>;
type Db = Kysely<ProcessesDatabase>;

/** What roles and invitations need of a process: who may see it, and what it is called. */
export type ProcessFrameRow = Pick<
  Selectable<ProcessesDatabase['processes']>,
  'id' | 'slug' | 'title' | 'status' | 'visibility'
>;

const frameColumns = ['id', 'slug', 'title', 'status', 'visibility'] as const;

export async function findProcessFrame(db: Db, processId: string): Promise<ProcessFrameRow | undefined> {
  return db.selectFrom('processes').select(frameColumns).where('id', '=', processId).executeTakeFirst();
}

/**
 * Reads the process with its row locked against other changes of its roles and invitations (a
 * `no key update` lock: rows that merely reference the process are not held up).
 */
export async function lockProcessFrame(db: Db, processId: string): Promise<ProcessFrameRow | undefined> {
  return db
    .selectFrom('processes')
    .select(frameColumns)
    .where('id', '=', processId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** Gives the role unless the person holds it already (then answers undefined). */
export async function insertUnlessHeld(
  db: Db,
  assignment: { processId: string; personId: string; role: ProcessRole; assignedBy: string },
): Promise<RoleRow | undefined> {
  return db
    .insertInto('process_roles')
    .values({
      process_id: assignment.processId,
      person_id: assignment.personId,
      role: assignment.role,
      assigned_by: assignment.assignedBy,
    })
    .onConflict((oc) => oc.columns(['process_id', 'person_id', 'role']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findRole(
  db: Db,
  processId: string,
  personId: string,
  role: ProcessRole,
): Promise<RoleRow | undefined> {
  return db
    .selectFrom('process_roles')
    .selectAll()
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .where('role', '=', role)
    .executeTakeFirst();
}

export async function deleteRole(db: Db, processId: string, personId: string, role: ProcessRole): Promise<void> {
  await db
    .deleteFrom('process_roles')
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .where('role', '=', role)
    .execute();
}

/** Removes every role the person holds, in any process, answering what was removed. */
export async function deleteAllRolesOf(db: Db, personId: string): Promise<RoleRow[]> {
  return db.deleteFrom('process_roles').where('person_id', '=', personId).returningAll().execute();
}

/** How many process admins the process has (call with the process locked). */
export async function processAdminCount(db: Db, processId: string): Promise<number> {
  const { n } = await db
    .selectFrom('process_roles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('process_id', '=', processId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return n;
}

/** The process's roles: by role (admin first), then oldest first. */
export async function listForProcess(db: Db, processId: string): Promise<RoleRow[]> {
  return db
    .selectFrom('process_roles')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy(sql`array_position(${sql.val([...processRoles])}::text[], role)`)
    .orderBy('assigned_at')
    .orderBy('person_id')
    .execute();
}

/** The processes where the person holds roles, by French title, each with its roles. */
export async function listForPerson(db: Db, personId: string): Promise<MyProcessRole[]> {
  const rows = await db
    .selectFrom('process_roles as r')
    .innerJoin('processes as p', 'p.id', 'r.process_id')
    .select(['p.id', 'p.slug', 'p.title', 'r.role'])
    .where('r.person_id', '=', personId)
    .orderBy(sql`lower(p.title->>'fr')`)
    .orderBy('p.id')
    .execute();
  const byProcess = new Map<string, MyProcessRole>();
  for (const row of rows) {
    const entry = byProcess.get(row.id) ?? { processId: row.id, slug: row.slug, title: row.title, roles: [] };
    entry.roles.push(row.role);
    byProcess.set(row.id, entry);
  }
  const rank = (role: ProcessRole) => processRoles.indexOf(role);
  return [...byProcess.values()].map((entry) => ({ ...entry, roles: entry.roles.sort((a, b) => rank(a) - rank(b)) }));
}

/** The roles the person holds, for their personal-data export. */
export async function rolesOf(
  db: Db,
  personId: string,
): Promise<{ processId: string; slug: string; role: ProcessRole; assignedAt: Date }[]> {
  return db
    .selectFrom('process_roles as r')
    .innerJoin('processes as p', 'p.id', 'r.process_id')
    .select(['r.process_id as processId', 'p.slug', 'r.role', 'r.assigned_at as assignedAt'])
    .where('r.person_id', '=', personId)
    .orderBy('r.assigned_at')
    .orderBy('r.process_id')
    .execute();
}

export function toAssignment(row: RoleRow): ProcessRoleAssignment {
  return {
    processId: row.process_id,
    personId: row.person_id,
    role: row.role,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at.toISOString(),
  };
}
