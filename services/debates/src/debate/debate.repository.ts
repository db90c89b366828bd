import type { Debate } from '@convergences/contracts';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import type { DebatesTable } from './debate.tables';
import type { DebateFacts } from './debate.policy';

type Db = Kysely<DebatesDatabase>;

/** A debate with its author's name and its comment count. */
export type DebateRow = Selectable<DebatesTable> & {
  author_name: string | null;
  comments_count: number | null;
  last_comment_at: Date | null;
};

export async function insertDebate(db: Db, debate: Insertable<DebatesTable>): Promise<void> {
  await db.insertInto('debates').values(debate).execute();
}

/** Debates with what they are shown with: the author's name, the count row of their comments. */
export function debatesWithCounts(db: Db) {
  return db
    .selectFrom('debates')
    .leftJoin('authors', 'authors.person_id', 'debates.author_id')
    .leftJoin('comment_counts', (join) =>
      join.on('comment_counts.resource_type', '=', 'debate').onRef('comment_counts.resource_id', '=', 'debates.id'),
    )
    .selectAll('debates')
    .select([
      'authors.display_name as author_name',
      'comment_counts.count as comments_count',
      'comment_counts.last_comment_at as last_comment_at',
    ]);
}

/** A debate, hidden or not: the caller decides who may see it. */
export async function findDebate(db: Db, id: string): Promise<DebateRow | undefined> {
  return debatesWithCounts(db).where('debates.id', '=', id).executeTakeFirst();
}

/** Locks the debate's row for a change; writers of its comments share-lock it, so they wait. */
export async function lockDebate(db: Db, id: string): Promise<Selectable<DebatesTable> | undefined> {
  return db.selectFrom('debates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateDebate(db: Db, id: string, change: Updateable<DebatesTable>): Promise<void> {
  await db
    .updateTable('debates')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** What the rules need to know of a debate row. */
export function factsOf(row: Selectable<DebatesTable>): DebateFacts {
  return {
    authorId: row.author_id,
    official: row.official,
    closedAt: row.closed_at,
    hiddenAt: row.hidden_at,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  };
}

export function toDebate(row: DebateRow): Debate {
  return {
    id: row.id,
    processId: row.process_id,
    official: row.official,
    title: row.title,
    description: row.description,
    instructions: row.instructions,
    informationUpdates: row.information_updates,
    themeId: row.theme_id,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    authorId: row.author_id,
    // An official debate reads as its organiser's; its author stays the admin who wrote it.
    authorName: row.organizer_name ?? row.author_name ?? '',
    state: row.closed_at ? 'closed' : 'open',
    conclusions: row.conclusions,
    closedAt: row.closed_at?.toISOString() ?? null,
    // A hidden debate shows none (it is shown to nobody but moderation anyway).
    commentsCount: row.hidden_at ? 0 : (row.comments_count ?? 0),
    lastCommentAt: row.hidden_at ? null : (row.last_comment_at?.toISOString() ?? null),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
