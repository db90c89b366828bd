import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Comments on any resource, their votes and one count row per resource.
 *
 * A thread's first page must answer fast at 10,000 comments: each top-level order has its partial
 * index on the listed top-level comments of a resource (ending with the columns that break ties,
 * so a page is read in index order), replies are read under their parent in the order they were
 * written, and the counts a page shows are kept on the rows (`replies_count`, `thread_count`,
 * the votes, `comment_counts.threads`) rather than counted on each read.
 */
export const createComments: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('comments')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('resource_type', 'text', (c) => c.notNull().check(sql`resource_type in ('proposal', 'debate')`))
      .addColumn('resource_id', 'uuid', (c) => c.notNull())
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('parent_id', 'uuid', (c) => c.references('comments.id'))
      .addColumn('root_id', 'uuid', (c) => c.references('comments.id'))
      .addColumn('reply_to_id', 'uuid', (c) => c.references('comments.id'))
      .addColumn('depth', 'smallint', (c) => c.notNull().check(sql`depth between 1 and 3`))
      .addColumn('author_id', 'uuid', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('fr', 'en')`))
      .addColumn('alignment', 'smallint', (c) => c.check(sql`alignment in (-1, 0, 1)`))
      .addColumn('upvotes', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`upvotes >= 0`),
      )
      .addColumn('downvotes', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`downvotes >= 0`),
      )
      .addColumn('score', 'integer', (c) => c.generatedAlwaysAs(sql`upvotes - downvotes`).stored())
      .addColumn('replies_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`replies_count >= 0`),
      )
      .addColumn('thread_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`thread_count >= 0`),
      )
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('edited_at', 'timestamptz')
      .addColumn('deleted_at', 'timestamptz')
      .addColumn('hidden_at', 'timestamptz')
      .addCheckConstraint(
        'comments_top_level_has_no_parent',
        sql`(depth = 1) = (parent_id is null and root_id is null)`,
      )
      .addCheckConstraint(
        'comments_body_until_deleted',
        sql`case when deleted_at is null then char_length(body) between 1 and 10000 else body = '' end`,
      )
      .execute();
    for (const [name, order] of [
      ['comments_threads_oldest_idx', 'created_at, id'],
      ['comments_threads_best_rated_idx', 'score desc, created_at, id'],
      ['comments_threads_most_discussed_idx', 'thread_count desc, created_at, id'],
    ] as const) {
      await sql`create index ${sql.raw(name)} on comments (resource_type, resource_id, ${sql.raw(order)})
        where parent_id is null and hidden_at is null`.execute(db);
    }
    await sql`create index comments_replies_idx on comments (parent_id, created_at, id)
      where parent_id is not null and hidden_at is null`.execute(db);
    await sql`create index comments_root_idx on comments (root_id) where root_id is not null`.execute(db);
    await sql`create index comments_resource_idx on comments (resource_type, resource_id, created_at)`.execute(db);
    await sql`create index comments_author_idx on comments (author_id, resource_type, resource_id)`.execute(db);

    await db.schema
      .createTable('comment_votes')
      .addColumn('comment_id', 'uuid', (c) => c.notNull().references('comments.id'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('value', 'smallint', (c) => c.notNull().check(sql`value in (-1, 1)`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('comment_votes_one_per_person', ['comment_id', 'person_id'])
      .execute();
    await sql`create index comment_votes_person_idx on comment_votes (person_id)`.execute(db);

    await db.schema
      .createTable('comment_counts')
      .addColumn('resource_type', 'text', (c) => c.notNull().check(sql`resource_type in ('proposal', 'debate')`))
      .addColumn('resource_id', 'uuid', (c) => c.notNull())
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`count >= 0`),
      )
      .addColumn('threads', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`threads >= 0`),
      )
      .addColumn('last_comment_at', 'timestamptz')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('resource_hidden_at', 'timestamptz')
      .addPrimaryKeyConstraint('comment_counts_pk', ['resource_type', 'resource_id'])
      .execute();
  },
};
