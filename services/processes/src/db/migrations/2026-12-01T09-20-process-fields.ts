import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A process gains what a consultation needs: its organiser, territory, themes, dates, banner,
 * visibility, participation settings and a `closed` status. `participation_version` counts the
 * changes of the rules in force, so consumers of `processes.participation.changed` keep the latest.
 */
export const processFields: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table processes drop constraint processes_status_check`.execute(db);
    await db.schema
      .alterTable('processes')
      .addCheckConstraint('processes_status_check', sql`status in ('draft', 'published', 'closed')`)
      .execute();
    await db.schema
      .alterTable('processes')
      .addColumn('subtitle', 'jsonb')
      .addColumn('organizer_id', 'uuid')
      .addColumn('territory_id', 'uuid', (c) => c.references('territories.id'))
      .addColumn('start_date', 'date')
      .addColumn('end_date', 'date')
      .addColumn('banner_url', 'text')
      .addColumn('visibility', 'text', (c) =>
        c
          .notNull()
          .defaultTo('public')
          .check(sql`visibility in ('public', 'private')`),
      )
      .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('participation_version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('closed_at', 'timestamptz')
      .execute();
    await db.schema
      .alterTable('processes')
      .addCheckConstraint(
        'processes_dates_in_order',
        sql`start_date is null or end_date is null or start_date <= end_date`,
      )
      .execute();
    await db.schema
      .alterTable('processes')
      .addCheckConstraint('processes_closed_at', sql`(status = 'closed') = (closed_at is not null)`)
      .execute();
    await db.schema.createIndex('processes_territory_idx').on('processes').column('territory_id').execute();
    await db.schema.createIndex('processes_start_date_idx').on('processes').column('start_date').execute();

    await db.schema
      .createTable('process_themes')
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id'))
      .addPrimaryKeyConstraint('process_themes_pk', ['process_id', 'theme_id'])
      .execute();
    await db.schema.createIndex('process_themes_theme_idx').on('process_themes').column('theme_id').execute();
  },
};
