import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What the statistics counted of each proposal, debate and comment of a process, so that content
 * hidden by moderation leaves the counts of the day it was written, and comes back when shown:
 * `day` (null until its creation is heard of: the moderation may arrive first), `hidden` as the
 * latest moderation said (`moderation_version`, so an older event never undoes a newer one), and
 * for a comment the resource it is on (`parent_id`), hidden with it (`parent_hidden`).
 */
export const createStatsItems: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('process_stats_items')
      .addColumn('resource_id', 'uuid', (c) => c.primaryKey())
      .addColumn('resource_type', 'text', (c) =>
        c.notNull().check(sql`resource_type in ('proposal', 'debate', 'comment')`),
      )
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('parent_id', 'uuid')
      .addColumn('day', 'date')
      .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('moderation_version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('parent_hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
    await sql`create index process_stats_items_parent_idx on process_stats_items (parent_id) where parent_id is not null`.execute(
      db,
    );
  },
};
