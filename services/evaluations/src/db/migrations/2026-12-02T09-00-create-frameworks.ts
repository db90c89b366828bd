import { quoteIdent } from '@convergences/database';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Frameworks (référentiels): lineages, their versions, each version's tree (dimensions →
 * criteria → indicators) and the lineages' editors. What the database can hold, it holds:
 * versions unique in their lineage, at most one draft per lineage, positions unique among
 * siblings (checked at commit, so a reorder can swap them), an indicator's fields matching its
 * kind, and — whatever a use-case does — an adopted version and its tree never change (triggers).
 * `fold_text(text)` (lowercase, without accents where the cluster ships `unaccent`) serves the
 * list's text filter; it lives in this schema, since a service uses no other service's objects.
 */
export const createFrameworks: Migration = {
  async up(db: Kysely<unknown>) {
    const available = await sql<{ name: string }>`select name from pg_available_extensions
      where name = 'unaccent'`.execute(db);
    if (available.rows.length) await sql`create extension if not exists unaccent with schema public`.execute(db);
    const installed = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
      join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db);
    const schema = installed.rows[0]?.schema;
    // With its dictionary named, unaccent gives the same answer for the same text: safe to call immutable.
    const body = schema
      ? `select lower(${quoteIdent(schema)}.unaccent('${quoteIdent(schema)}.unaccent'::regdictionary, $1))`
      : 'select lower($1)';
    await sql
      .raw(
        `create or replace function fold_text(text) returns text language sql immutable parallel safe strict as $$ ${body} $$`,
      )
      .execute(db);

    await db.schema
      .createTable('framework_lineages')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('framework_editors')
      .addColumn('lineage_id', 'uuid', (c) => c.notNull().references('framework_lineages.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('added_by', 'uuid', (c) => c.notNull())
      .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('framework_editors_pk', ['lineage_id', 'person_id'])
      .execute();
    await sql`create index framework_editors_person_idx on framework_editors (person_id)`.execute(db);

    await db.schema
      .createTable('frameworks')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('lineage_id', 'uuid', (c) => c.notNull().references('framework_lineages.id'))
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'adopted')`))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('process_id', 'uuid')
      .addColumn('based_on_id', 'uuid', (c) => c.references('frameworks.id'))
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('adopted_at', 'timestamptz')
      .addColumn('adopted_by', 'uuid')
      .addUniqueConstraint('frameworks_version_in_lineage', ['lineage_id', 'version'])
      .addCheckConstraint('frameworks_adopted_when', sql`(status = 'adopted') = (adopted_at is not null)`)
      .execute();
    await sql`create unique index frameworks_one_draft_per_lineage on frameworks (lineage_id)
      where status = 'draft'`.execute(db);
    await sql`create index frameworks_recent_idx on frameworks (created_at desc, id desc)`.execute(db);
    await sql`create index frameworks_process_idx on frameworks (process_id) where process_id is not null`.execute(db);

    await db.schema
      .createTable('dimensions')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
      .addColumn('stable_id', 'uuid', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addUniqueConstraint('dimensions_stable_in_framework', ['framework_id', 'stable_id'])
      .execute();
    await sql`alter table dimensions add constraint dimensions_position_unique
      unique (framework_id, position) deferrable initially deferred`.execute(db);

    await db.schema
      .createTable('criteria')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
      .addColumn('dimension_id', 'uuid', (c) => c.notNull().references('dimensions.id').onDelete('cascade'))
      .addColumn('stable_id', 'uuid', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('narrative_required', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('evidence_allowed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('proposal_id', 'uuid')
      .addColumn('proposal_reference', 'text')
      .addUniqueConstraint('criteria_stable_in_framework', ['framework_id', 'stable_id'])
      .addUniqueConstraint('criteria_proposal_once_per_framework', ['framework_id', 'proposal_id'])
      .addCheckConstraint(
        'criteria_reference_with_proposal',
        sql`proposal_id is not null or proposal_reference is null`,
      )
      .execute();
    await sql`alter table criteria add constraint criteria_position_unique
      unique (dimension_id, position) deferrable initially deferred`.execute(db);
    await sql`create index criteria_framework_idx on criteria (framework_id)`.execute(db);

    await db.schema
      .createTable('indicators')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
      .addColumn('criterion_id', 'uuid', (c) => c.notNull().references('criteria.id').onDelete('cascade'))
      .addColumn('stable_id', 'uuid', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('quantitative', 'level_scale', 'yes_no', 'narrative')`),
      )
      .addColumn('unit', 'jsonb')
      .addColumn('higher_is_better', 'boolean')
      .addColumn('target', 'double precision')
      .addColumn('levels', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addUniqueConstraint('indicators_stable_in_framework', ['framework_id', 'stable_id'])
      .addCheckConstraint(
        'indicators_quantitative_fields',
        sql`(kind = 'quantitative') = (higher_is_better is not null)
          and (kind = 'quantitative' or (unit is null and target is null))`,
      )
      .addCheckConstraint('indicators_levels_of_scales', sql`kind = 'level_scale' or levels = '[]'::jsonb`)
      .addCheckConstraint('indicators_never_one_level', sql`jsonb_array_length(levels) <> 1`)
      .execute();
    await sql`alter table indicators add constraint indicators_position_unique
      unique (criterion_id, position) deferrable initially deferred`.execute(db);
    await sql`create index indicators_framework_idx on indicators (framework_id)`.execute(db);

    // The freeze, held by the database itself: campaigns compare answers to versions that never move.
    await sql`create or replace function refuse_adopted_framework_change() returns trigger language plpgsql as $$
      begin
        if old.status = 'adopted' then
          raise exception 'framework % is adopted: it is never changed', old.id using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`.execute(db);
    await sql`create trigger frameworks_frozen_once_adopted before update or delete on frameworks
      for each row execute function refuse_adopted_framework_change()`.execute(db);
    await sql`create or replace function refuse_adopted_tree_change() returns trigger language plpgsql as $$
      declare
        touched uuid;
      begin
        for touched in select distinct x from unnest(array[
          case when tg_op <> 'INSERT' then old.framework_id end,
          case when tg_op <> 'DELETE' then new.framework_id end]) as x where x is not null
        loop
          if exists (select 1 from frameworks where id = touched and status = 'adopted') then
            raise exception 'framework % is adopted: its tree is never changed', touched using errcode = 'check_violation';
          end if;
        end loop;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`.execute(db);
    for (const table of ['dimensions', 'criteria', 'indicators']) {
      await sql
        .raw(
          `create trigger ${table}_frozen_once_adopted before insert or update or delete on ${table}
            for each row execute function refuse_adopted_tree_change()`,
        )
        .execute(db);
    }
  },
};
