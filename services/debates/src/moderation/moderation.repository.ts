import type { HiddenCause, Moderation, Report, ReportableType, ReportReason } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DebatesDatabase } from '../db/schema';
import { moderationStateOf } from './moderation.policy';
import type { ModerationsTable, ReportsTable } from './moderation.tables';

type Db = Kysely<DebatesDatabase>;
export type ModerationRow = Selectable<ModerationsTable>;
export type ReasonCounts = Record<ReportReason, number>;

/** What a resource is, as moderation keeps it: where it lives, who wrote it, what it says. */
export interface ModeratedFacts {
  resourceType: ReportableType;
  resourceId: string;
  processId: string | null;
  parentResource: { resourceType: 'proposal' | 'debate'; resourceId: string } | null;
  authorId: string | null;
  title: string | null;
  excerpt: string | null;
}

const EXCERPT_LENGTH = 2000;
const cut = (text: string | null) =>
  text && text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;

/**
 * The resource's moderation row, created on first sight, its content refreshed, and locked: every
 * report and every moderation action on the resource takes this lock first, so they apply one at
 * a time (before the debate's and the count's rows, which hiding takes next).
 */
export async function lockModerationOf(db: Db, facts: ModeratedFacts): Promise<ModerationRow> {
  return db
    .insertInto('moderations')
    .values({
      id: uuidv7(),
      resource_type: facts.resourceType,
      resource_id: facts.resourceId,
      process_id: facts.processId,
      parent_resource_type: facts.parentResource?.resourceType ?? null,
      parent_resource_id: facts.parentResource?.resourceId ?? null,
      author_id: facts.authorId,
      title: cut(facts.title),
      excerpt: cut(facts.excerpt),
    })
    .onConflict((oc) =>
      oc.columns(['resource_type', 'resource_id']).doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        excerpt: eb.ref('excluded.excerpt'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockModeration(db: Db, id: string): Promise<ModerationRow | undefined> {
  return db.selectFrom('moderations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findModeration(db: Db, id: string): Promise<ModerationRow | undefined> {
  return db.selectFrom('moderations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findModerationOf(
  db: Db,
  resource: { resourceType: ReportableType; resourceId: string },
): Promise<ModerationRow | undefined> {
  return db
    .selectFrom('moderations')
    .selectAll()
    .where('resource_type', '=', resource.resourceType)
    .where('resource_id', '=', resource.resourceId)
    .executeTakeFirst();
}

/** The report, unless this person already reported the resource (then nothing, and `undefined`). */
export async function insertReport(
  db: Db,
  report: { moderationId: string; reporterId: string; reason: ReportReason; details: string | null },
): Promise<Selectable<ReportsTable> | undefined> {
  return db
    .insertInto('reports')
    .values({
      id: uuidv7(),
      moderation_id: report.moderationId,
      reporter_id: report.reporterId,
      reason: report.reason,
      details: report.details,
    })
    .onConflict((oc) => oc.columns(['moderation_id', 'reporter_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** One more pending report, counted on the locked row: answers the row as it now stands. */
export async function countReport(db: Db, moderationId: string): Promise<ModerationRow> {
  return db
    .updateTable('moderations')
    .set((eb) => ({ reports_count: eb('reports_count', '+', 1), last_reported_at: sql`now()`, updated_at: sql`now()` }))
    .where('id', '=', moderationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Pending reports dismissed: they no longer count towards the threshold. */
export async function dismissReports(db: Db, moderationId: string): Promise<ModerationRow> {
  await db
    .updateTable('reports')
    .set({ dismissed_at: sql`now()` })
    .where('moderation_id', '=', moderationId)
    .where('dismissed_at', 'is', null)
    .execute();
  return db
    .updateTable('moderations')
    .set({ reports_count: 0, updated_at: sql`now()` })
    .where('id', '=', moderationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Hidden (with who, why) or shown again; the version grows with each. */
export async function markHidden(
  db: Db,
  moderationId: string,
  hiding: { cause: HiddenCause; by: string | null; justification: string | null } | null,
): Promise<ModerationRow> {
  return db
    .updateTable('moderations')
    .set((eb) => ({
      hidden_at: hiding ? sql<Date>`now()` : null,
      hidden_by: hiding?.by ?? null,
      hidden_cause: hiding?.cause ?? null,
      justification: hiding?.justification ?? null,
      version: eb('version', '+', 1),
      updated_at: sql`now()`,
    }))
    .where('id', '=', moderationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Pending reports of each moderation, by reason. */
export async function pendingReasons(db: Db, moderationIds: string[]): Promise<Map<string, ReasonCounts>> {
  const counts = new Map<string, ReasonCounts>();
  for (const id of moderationIds) counts.set(id, { spam: 0, offensive: 0, does_not_belong: 0 });
  if (moderationIds.length === 0) return counts;
  const rows = await db
    .selectFrom('reports')
    .select(['moderation_id', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('moderation_id', 'in', moderationIds)
    .where('dismissed_at', 'is', null)
    .groupBy(['moderation_id', 'reason'])
    .execute();
  for (const row of rows) counts.get(row.moderation_id)![row.reason] = Number(row.n);
  return counts;
}

export async function reportsOf(db: Db, moderation: ModerationRow): Promise<Report[]> {
  const rows = await db
    .selectFrom('reports')
    .selectAll()
    .where('moderation_id', '=', moderation.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    moderationId: row.moderation_id,
    resourceType: moderation.resource_type,
    resourceId: moderation.resource_id,
    reporterId: row.reporter_id,
    reason: row.reason,
    details: row.details,
    createdAt: row.created_at.toISOString(),
    dismissedAt: row.dismissed_at?.toISOString() ?? null,
  }));
}

export function toModeration(row: ModerationRow, reasons: ReasonCounts): Moderation {
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    processId: row.process_id,
    parentResource:
      row.parent_resource_type && row.parent_resource_id
        ? { resourceType: row.parent_resource_type, resourceId: row.parent_resource_id }
        : null,
    authorId: row.author_id,
    title: row.title,
    excerpt: row.excerpt,
    state: moderationStateOf(row),
    reportsCount: row.reports_count,
    reasons,
    lastReportedAt: row.last_reported_at?.toISOString() ?? null,
    hiddenAt: row.hidden_at?.toISOString() ?? null,
    hiddenBy: row.hidden_by,
    hiddenCause: row.hidden_cause,
    justification: row.justification,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
