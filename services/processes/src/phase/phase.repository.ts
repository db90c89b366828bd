import { phaseRulesSchema, type Phase, type PhaseRules, type TranslatedText } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { PhasesTable, ProcessesDatabase } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;
export type PhaseRow = Selectable<PhasesTable>;

export async function phasesOf(db: Db, processId: string): Promise<PhaseRow[]> {
  return db.selectFrom('phases').selectAll().where('process_id', '=', processId).orderBy('position').execute();
}

export async function findPhase(db: Db, processId: string, phaseId: string): Promise<PhaseRow | undefined> {
  return db
    .selectFrom('phases')
    .selectAll()
    .where('process_id', '=', processId)
    .where('id', '=', phaseId)
    .executeTakeFirst();
}

export async function activePhaseOf(db: Db, processId: string): Promise<PhaseRow | undefined> {
  return db
    .selectFrom('phases')
    .selectAll()
    .where('process_id', '=', processId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export interface PhaseFields {
  title: TranslatedText;
  description: TranslatedText | null;
  startsAt: Date | null;
  endsAt: Date | null;
  autoActivate: boolean;
  rules: PhaseRules;
}

function columnsOf(fields: Partial<PhaseFields>) {
  return {
    ...(fields.title !== undefined && { title: JSON.stringify(fields.title) }),
    ...(fields.description !== undefined && {
      description: fields.description === null ? null : JSON.stringify(fields.description),
    }),
    ...(fields.startsAt !== undefined && { starts_at: fields.startsAt }),
    ...(fields.endsAt !== undefined && { ends_at: fields.endsAt }),
    ...(fields.autoActivate !== undefined && { auto_activate: fields.autoActivate }),
    ...(fields.rules !== undefined && { rules: JSON.stringify(fields.rules) }),
  };
}

/**
 * Inserts a phase at `position`, moving the phases from there one place down (positions are
 * unique per process, checked at commit so the shift can pass through duplicates).
 */
export async function insertPhase(
  db: Db,
  phase: PhaseFields & { id: string; processId: string; position: number },
): Promise<void> {
  await db
    .updateTable('phases')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('process_id', '=', phase.processId)
    .where('position', '>=', phase.position)
    .execute();
  await db
    .insertInto('phases')
    .values({
      id: phase.id,
      process_id: phase.processId,
      position: phase.position,
      activated_at: null,
      auto_activated_at: null,
      title: JSON.stringify(phase.title),
      description: phase.description === null ? null : JSON.stringify(phase.description),
      starts_at: phase.startsAt,
      ends_at: phase.endsAt,
      auto_activate: phase.autoActivate,
      rules: JSON.stringify(phase.rules),
    })
    .execute();
}

export async function updatePhaseFields(
  db: Db,
  phaseId: string,
  fields: Partial<PhaseFields>,
  options: { rescheduled: boolean },
): Promise<void> {
  await db
    .updateTable('phases')
    .set({
      ...columnsOf(fields),
      // A phase given a new start (or newly scheduled) activates itself again at that start.
      ...(options.rescheduled && { auto_activated_at: null }),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', phaseId)
    .execute();
}

/** Moves a phase to `to`, shifting the ones between. */
export async function movePhase(db: Db, processId: string, from: number, to: number): Promise<void> {
  if (from === to) return;
  await db
    .updateTable('phases')
    .set((eb) => ({
      position: eb
        .case()
        .when('position', '=', from)
        .then(to)
        .when(sql<boolean>`${from} < ${to}`)
        .then(eb('position', '-', 1))
        .else(eb('position', '+', 1))
        .end(),
    }))
    .where('process_id', '=', processId)
    .where('position', '>=', Math.min(from, to))
    .where('position', '<=', Math.max(from, to))
    .execute();
}

export async function deletePhaseRow(db: Db, processId: string, phaseId: string, position: number): Promise<void> {
  await db.deleteFrom('phases').where('id', '=', phaseId).execute();
  await db
    .updateTable('phases')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('process_id', '=', processId)
    .where('position', '>', position)
    .execute();
}

/** Makes this phase the only active one of its process. */
export async function makeActive(db: Db, processId: string, phaseId: string): Promise<void> {
  await db
    .updateTable('phases')
    .set({ active: false, updated_at: sql<Date>`now()` })
    .where('process_id', '=', processId)
    .where('active', '=', true)
    .where('id', '<>', phaseId)
    .execute();
  await db
    .updateTable('phases')
    .set({
      active: true,
      activated_at: sql<Date>`now()`,
      // Activated by hand before its start: the scheduler has nothing left to do for it.
      auto_activated_at: sql<Date>`case when auto_activate then coalesce(auto_activated_at, now()) end`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', phaseId)
    .execute();
}

/**
 * Published processes with a scheduled phase whose start has come, locked; those another
 * replica (or an admin's change) holds are skipped. The process row is locked first, as every
 * change of phases does, so the scheduler and people never deadlock.
 */
export async function claimProcessesWithDuePhases(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('processes')
    .select('processes.id')
    .where('processes.status', '=', 'published')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('phases')
          .select('phases.id')
          .whereRef('phases.process_id', '=', 'processes.id')
          .where('phases.auto_activate', '=', true)
          .where('phases.auto_activated_at', 'is', null)
          .where('phases.starts_at', '<=', sql<Date>`now()`),
      ),
    )
    .orderBy('processes.id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => row.id);
}

/** The scheduled phases of a process whose start has come and that the scheduler has not dealt with, oldest start first. */
export async function duePhasesOf(db: Db, processId: string): Promise<PhaseRow[]> {
  return db
    .selectFrom('phases')
    .selectAll()
    .where('process_id', '=', processId)
    .where('auto_activate', '=', true)
    .where('auto_activated_at', 'is', null)
    .where('starts_at', '<=', sql<Date>`now()`)
    .orderBy('starts_at')
    .orderBy('position')
    .execute();
}

/** Records that the scheduler dealt with these phases, so it never does again. */
export async function markAutoActivated(db: Db, phaseIds: readonly string[]): Promise<void> {
  if (phaseIds.length === 0) return;
  await db
    .updateTable('phases')
    .set({ auto_activated_at: sql<Date>`now()` })
    .where('id', 'in', phaseIds)
    .execute();
}

export async function copyPhases(
  db: Db,
  fromProcessId: string,
  toProcessId: string,
  newId: () => string,
): Promise<void> {
  for (const phase of await phasesOf(db, fromProcessId)) {
    await db
      .insertInto('phases')
      .values({
        id: newId(),
        process_id: toProcessId,
        position: phase.position,
        title: JSON.stringify(phase.title),
        description: phase.description === null ? null : JSON.stringify(phase.description),
        starts_at: phase.starts_at,
        ends_at: phase.ends_at,
        auto_activate: phase.auto_activate,
        activated_at: null,
        auto_activated_at: null,
        rules: JSON.stringify(phase.rules),
      })
      .execute();
  }
}

export function toPhase(row: PhaseRow): Phase {
  return {
    id: row.id,
    processId: row.process_id,
    position: row.position,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    autoActivate: row.auto_activate,
    active: row.active,
    activatedAt: row.activated_at?.toISOString() ?? null,
    // Rules stored before a rule existed get its default.
    rules: phaseRulesSchema.parse(row.rules),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
