import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Finding proposals fast at 100,000 a process: one index per public sort (each ending with the
 * columns that break ties, so a page is read in index order), the filters people use, a GiST
 * index on the point for the map's bounding box, and `hidden_at`, set by moderation (which
 * hides, never destroys): a hidden proposal is in no public list, map or export.
 */
export const proposalLists: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('proposals').addColumn('hidden_at', 'timestamptz').execute();
    for (const [name, counter] of [
      ['proposals_most_supported_idx', 'supports_count'],
      ['proposals_most_endorsed_idx', 'endorsements_count'],
      ['proposals_most_commented_idx', 'comments_count'],
    ] as const) {
      await sql`create index ${sql.raw(name)} on proposals
        (process_id, ${sql.raw(counter)} desc, created_at desc, id desc) where state <> 'draft'`.execute(db);
    }
    await sql`create index proposals_theme_idx on proposals (theme_id, created_at desc, id desc)
      where theme_id is not null and state <> 'draft'`.execute(db);
    await sql`create index proposals_territory_idx on proposals (territory_id, created_at desc, id desc)
      where territory_id is not null and state <> 'draft'`.execute(db);
    await sql`create index proposals_author_idx on proposals (author_id, created_at desc)`.execute(db);
    await sql`create index proposals_located_idx on proposals using gist (point(longitude, latitude))
      where latitude is not null and state <> 'draft'`.execute(db);
  },
};
