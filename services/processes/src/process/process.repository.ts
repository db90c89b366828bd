import { fetchPage, likePattern } from '@convergences/database';
import {
  participationSettingsSchema,
  type Actor,
  type ParticipationSettings,
  type Process,
  type ProcessListQuery,
  type TranslatedText,
} from '@convergences/contracts';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { ProcessesDatabase, ProcessesTable } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;
export type ProcessRow = Selectable<ProcessesTable> & { theme_ids: string[]; active_phase_id: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A process with its themes and active phase, as every read answers it. */
function withDetails(db: Db) {
  return db
    .selectFrom('processes')
    .selectAll('processes')
    .select((eb) => [
      sql<string[]>`coalesce((select array_agg(pt.theme_id order by pt.theme_id) from process_themes pt
        where pt.process_id = processes.id), '{}')`.as('theme_ids'),
      eb
        .selectFrom('phases')
        .select('phases.id')
        .whereRef('phases.process_id', '=', 'processes.id')
        .where('phases.active', '=', true)
        .as('active_phase_id'),
    ]);
}

export async function findByIdOrSlug(db: Db, idOrSlug: string): Promise<ProcessRow | undefined> {
  return withDetails(db)
    .where(UUID.test(idOrSlug) ? 'processes.id' : 'processes.slug', '=', idOrSlug)
    .executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<ProcessRow | undefined> {
  return withDetails(db).where('processes.id', '=', id).executeTakeFirst();
}

/** Locks the process row, so changes to it and its phases happen one at a time. */
export async function lockById(db: Db, id: string): Promise<ProcessRow | undefined> {
  const locked = await db.selectFrom('processes').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findById(db, id) : undefined;
}

export async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('processes').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
}

/** The fields a process is written with. */
export interface ProcessFields {
  title: TranslatedText;
  subtitle: TranslatedText | null;
  description: TranslatedText;
  organizerId: string | null;
  territoryId: string | null;
  startDate: string | null;
  endDate: string | null;
  bannerUrl: string | null;
  visibility: Process['visibility'];
  settings: ParticipationSettings;
}

export interface NewProcess extends ProcessFields {
  id: string;
  slug: string;
  status: 'draft' | 'published';
  createdBy: string;
}

/** Inserts the process unless its slug is taken (even by a transaction committing meanwhile); answers its id. */
export async function insertUnlessSlugTaken(db: Db, process: NewProcess): Promise<string | undefined> {
  const row = await db
    .insertInto('processes')
    .values({
      id: process.id,
      slug: process.slug,
      status: process.status,
      created_by: process.createdBy,
      published_at: process.status === 'published' ? new Date() : null,
      closed_at: null,
      ...columnsOf(process),
      title: JSON.stringify(process.title),
      description: JSON.stringify(process.description),
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function columnsOf(fields: Partial<ProcessFields>) {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return {
    ...(fields.title !== undefined && { title: JSON.stringify(fields.title) }),
    ...(fields.subtitle !== undefined && { subtitle: json(fields.subtitle) }),
    ...(fields.description !== undefined && { description: JSON.stringify(fields.description) }),
    ...(fields.organizerId !== undefined && { organizer_id: fields.organizerId }),
    ...(fields.territoryId !== undefined && { territory_id: fields.territoryId }),
    ...(fields.startDate !== undefined && { start_date: fields.startDate }),
    ...(fields.endDate !== undefined && { end_date: fields.endDate }),
    ...(fields.bannerUrl !== undefined && { banner_url: fields.bannerUrl }),
    ...(fields.visibility !== undefined && { visibility: fields.visibility }),
    ...(fields.settings !== undefined && { settings: JSON.stringify(fields.settings) }),
  };
}

/** Changes the given fields (and the slug, when given); answers false when the new slug is taken. */
export async function updateFields(
  db: Db,
  id: string,
  fields: Partial<ProcessFields> & { slug?: string },
): Promise<boolean> {
  try {
    await db
      .updateTable('processes')
      .set({ ...columnsOf(fields), ...(fields.slug && { slug: fields.slug }), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return false;
    throw error;
  }
}

export async function replaceThemes(db: Db, processId: string, themeIds: readonly string[]): Promise<void> {
  await db.deleteFrom('process_themes').where('process_id', '=', processId).execute();
  if (themeIds.length > 0) {
    await db
      .insertInto('process_themes')
      .values([...new Set(themeIds)].map((theme_id) => ({ process_id: processId, theme_id })))
      .execute();
  }
}

/** The ids among these that are not existing themes. */
export async function unknownThemes(db: Db, themeIds: readonly string[]): Promise<string[]> {
  if (themeIds.length === 0) return [];
  const found = await db.selectFrom('themes').select('id').where('id', 'in', themeIds).execute();
  const known = new Set(found.map((t) => t.id));
  return themeIds.filter((id) => !known.has(id));
}

export async function territoryExists(db: Db, territoryId: string): Promise<boolean> {
  return !!(await db.selectFrom('territories').select('id').where('id', '=', territoryId).executeTakeFirst());
}

export async function markPublished(db: Db, id: string): Promise<void> {
  await db
    .updateTable('processes')
    .set({ status: 'published', published_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function markClosed(db: Db, id: string): Promise<void> {
  await db
    .updateTable('processes')
    .set({ status: 'closed', closed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Counts one more change of the rules in force; answers the new version. */
export async function bumpParticipationVersion(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('processes')
    .set((eb) => ({ participation_version: eb('participation_version', '+', 1) }))
    .where('id', '=', id)
    .returning('participation_version')
    .executeTakeFirstOrThrow();
  return row.participation_version;
}

export async function addToProposalsCount(db: Db, id: string, delta: number): Promise<void> {
  await db
    .updateTable('processes')
    .set((eb) => ({ proposals_count: eb('proposals_count', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

const orders = {
  recent: [['processes.created_at', 'desc']],
  createdAt: [['processes.created_at', 'asc']],
  '-createdAt': [['processes.created_at', 'desc']],
  title: [[sql`processes.title->>'fr'`, 'asc']],
  '-title': [[sql`processes.title->>'fr'`, 'desc']],
  // Processes without dates come last either way.
  startDate: [['processes.start_date', 'asc']],
  '-startDate': [
    [sql`processes.start_date is null`, 'asc'],
    ['processes.start_date', 'desc'],
  ],
} as const;

/**
 * What the actor may see: everything for platform admins; otherwise public processes once
 * published, private ones they are invited to, and any process where they hold a role.
 */
function visibleTo(actor: Actor | null, isPlatformAdmin: boolean) {
  return (eb: ExpressionBuilder<ProcessesDatabase, 'processes'>) => {
    if (isPlatformAdmin) return eb.lit(true);
    const open = eb.and([eb('processes.status', '<>', 'draft'), eb('processes.visibility', '=', 'public')]);
    if (!actor) return open;
    return eb.or([
      open,
      eb.exists(
        eb
          .selectFrom('process_roles')
          .select('process_roles.process_id')
          .whereRef('process_roles.process_id', '=', 'processes.id')
          .where('process_roles.person_id', '=', actor.personId),
      ),
      eb.and([
        eb('processes.status', '<>', 'draft'),
        eb.exists(
          eb
            .selectFrom('process_invitations')
            .select('process_invitations.process_id')
            .whereRef('process_invitations.process_id', '=', 'processes.id')
            .where('process_invitations.person_id', '=', actor.personId),
        ),
      ]),
    ]);
  };
}

/** One page of the processes the actor may see matching the query, with the total. */
export async function list(
  db: Db,
  query: ProcessListQuery,
  actor: Actor | null,
  isPlatformAdmin: boolean,
): Promise<{ rows: ProcessRow[]; total: number }> {
  let filtered = db.selectFrom('processes').where(visibleTo(actor, isPlatformAdmin));
  if (query.status) filtered = filtered.where('processes.status', '=', query.status);
  if (query.visibility) filtered = filtered.where('processes.visibility', '=', query.visibility);
  if (query.organizerId) filtered = filtered.where('processes.organizer_id', '=', query.organizerId);
  if (query.territoryId) {
    const within = query.territoryId;
    filtered = filtered.where('processes.territory_id', 'in', (eb) =>
      eb
        .selectFrom('territories')
        .select('territories.id')
        .where((w) =>
          w.or([w('territories.id', '=', within), sql<boolean>`territories.ancestor_ids @> array[${within}::uuid]`]),
        ),
    );
  }
  if (query.themeId) {
    const themeId = query.themeId;
    filtered = filtered.where((eb) =>
      eb.exists(
        eb
          .selectFrom('process_themes')
          .innerJoin('themes', 'themes.id', 'process_themes.theme_id')
          .select('process_themes.theme_id')
          .whereRef('process_themes.process_id', '=', 'processes.id')
          .where((w) => w.or([w('themes.id', '=', themeId), w('themes.parent_id', '=', themeId)])),
      ),
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    filtered = filtered.where((eb) =>
      eb.or([
        eb(sql`processes.title->>'fr'`, 'ilike', pattern),
        eb(sql`coalesce(processes.title->>'en', '')`, 'ilike', pattern),
        eb(sql`coalesce(processes.subtitle->>'fr', '')`, 'ilike', pattern),
        eb('processes.slug', 'ilike', pattern),
      ]),
    );
  }
  const ids = filtered.select('processes.id');
  let page = withDetails(db).where('processes.id', 'in', ids);
  for (const [column, direction] of orders[query.sort]) page = page.orderBy(column, direction);
  return fetchPage(
    page.orderBy('processes.id', 'desc'),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export function toProcess(row: ProcessRow): Process {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    description: row.description,
    organizerId: row.organizer_id,
    territoryId: row.territory_id,
    themeIds: row.theme_ids,
    startDate: row.start_date,
    endDate: row.end_date,
    bannerUrl: row.banner_url,
    status: row.status,
    visibility: row.visibility,
    activePhaseId: row.active_phase_id,
    // Settings stored before a setting existed get its default.
    settings: participationSettingsSchema.parse(row.settings),
    proposalsCount: row.proposals_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
