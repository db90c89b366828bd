import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A proposal's whole life: a draft (one open per person and process, no reference yet), then
 * published, possibly withdrawn; its theme, territory and place; its counters; and the official
 * answer, held until published.
 */
export const proposalLifecycle: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table proposals drop constraint proposals_state_check`.execute(db);
    await sql`alter table proposals alter column reference drop not null`.execute(db);
    await db.schema
      .alterTable('proposals')
      .addColumn('theme_id', 'uuid')
      .addColumn('territory_id', 'uuid')
      .addColumn('address', 'text', (c) => c.check(sql`char_length(address) <= 500`))
      .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
      .addColumn('longitude', 'double precision', (c) => c.check(sql`longitude between -180 and 180`))
      .addColumn('official', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('withdrawn_at', 'timestamptz')
      .addColumn('supports_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`supports_count >= 0`),
      )
      .addColumn('endorsements_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`endorsements_count >= 0`),
      )
      .addColumn('comments_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`comments_count >= 0`),
      )
      .addColumn('answer_state', 'text')
      .addColumn('answer_body', 'jsonb')
      .addColumn('answer_cost_cents', 'bigint', (c) => c.check(sql`answer_cost_cents >= 0`))
      .addColumn('answer_cost_report', 'jsonb')
      .addColumn('answer_execution_period', 'text')
      .addColumn('answered_at', 'timestamptz')
      .addColumn('answered_by', 'uuid')
      .addColumn('answer_published_at', 'timestamptz')
      .execute();
    for (const [name, check] of [
      ['proposals_state_check', sql`state in ('draft', 'published', 'withdrawn')`],
      // A reference and a publication date come with publishing, never before.
      [
        'proposals_draft_unpublished',
        sql`(state = 'draft') = (reference is null) and (state = 'draft') = (published_at is null)`,
      ],
      ['proposals_withdrawn_at', sql`(state = 'withdrawn') = (withdrawn_at is not null)`],
      ['proposals_coordinates_together', sql`(latitude is null) = (longitude is null)`],
      ['proposals_answer_published', sql`answer_published_at is null or answer_state is not null`],
    ] as const) {
      await db.schema.alterTable('proposals').addCheckConstraint(name, check).execute();
    }
    await sql`create unique index proposals_one_draft on proposals (process_id, author_id) where state = 'draft'`.execute(
      db,
    );
  },
};
