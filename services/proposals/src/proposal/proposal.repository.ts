import type { Proposal } from '@convergences/contracts';
import type { Insertable } from 'kysely';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProposalsDatabase, ProposalsTable } from '../db/schema';

type Db = Kysely<ProposalsDatabase>;
export type ProposalRow = Selectable<ProposalsTable> & { author_name: string | null };

/** The next readable reference, e.g. `PROP-2026-000123`. */
export async function nextReference(db: Db, year: number): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('proposal_reference_seq') as n`.execute(db);
  return `PROP-${year}-${String(rows[0].n).padStart(6, '0')}`;
}

export async function insert(db: Db, proposal: Insertable<ProposalsTable>): Promise<void> {
  await db.insertInto('proposals').values(proposal).execute();
}

function withAuthor(db: Db) {
  return db
    .selectFrom('proposals')
    .leftJoin('authors', 'authors.person_id', 'proposals.author_id')
    .selectAll('proposals')
    .select('authors.display_name as author_name');
}

export async function findById(db: Db, id: string): Promise<ProposalRow | undefined> {
  return withAuthor(db).where('proposals.id', '=', id).executeTakeFirst();
}

/** A proposal as anybody may see it; `supportsHidden` and unpublished answers are the caller's to decide. */
export function toProposal(
  row: ProposalRow,
  options: { supportsHidden?: boolean; withHeldAnswer?: boolean } = {},
): Proposal {
  const answerShown = row.answer_state !== null && (row.answer_published_at !== null || options.withHeldAnswer);
  return {
    id: row.id,
    processId: row.process_id,
    reference: row.reference,
    title: row.title,
    body: row.body,
    locale: row.locale,
    authorId: row.author_id,
    // An official proposal is shown under its organiser's name; its author stays the admin who wrote it.
    authorName: row.organizer_name ?? row.author_name ?? '',
    official: row.official,
    state: row.state,
    themeId: row.theme_id,
    territoryId: row.territory_id,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    supportsCount: options.supportsHidden ? null : row.supports_count,
    endorsementsCount: row.endorsements_count,
    commentsCount: row.comments_count,
    answer: answerShown
      ? {
          state: row.answer_state!,
          body: row.answer_body,
          costCents: row.answer_cost_cents,
          costReport: row.answer_cost_report,
          executionPeriod: row.answer_execution_period,
          answeredAt: row.answered_at!.toISOString(),
          publishedAt: row.answer_published_at?.toISOString() ?? null,
        }
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
  };
}
