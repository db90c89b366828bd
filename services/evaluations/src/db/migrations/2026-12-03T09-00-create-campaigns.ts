import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Campaigns of participatory evaluation and everything answered in them, plus the valuation of
 * proposals, which answers a framework the same way.
 *
 * - `authors`: the names of the people named in campaigns (coordinators, committee, peers, valuators).
 * - `organizations` and `organization_members`: what this service keeps of members' organisations
 *   and memberships, from their events — who a subject's members are, without asking.
 * - `campaigns` use one adopted version; `campaign_people` names their coordinators and committee.
 * - `campaign_subjects` are the organisations assessed; `peer_assignments` who visits whom.
 * - `assessments` (self, peer, committee, valuation) answer criteria (`criterion_answers`: narrative
 *   and evidence) and indicators (`indicator_answers`: one number — a quantity, a level's value,
 *   or 1/0 for yes/no). Once submitted, an assessment and its answers never change (triggers).
 * - `stakeholder_responses` and their answers hold no one's identity: only a keyed hash of where
 *   a response came from, for the limits against stuffing, dropped when the campaign closes.
 * - `progress_actions`: a subject's improvement actions tied to criteria, followed across campaigns.
 * - `process_valuation_frameworks`: the framework a process's valuators assess proposals with.
 */
export const createCampaigns: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('authors')
      .addColumn('person_id', 'uuid', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('name_as_of', 'timestamptz')
      .execute();
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('organization_members')
      .addColumn('organization_id', 'uuid', (c) => c.notNull())
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member')`))
      .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'person_id'])
      .execute();
    await sql`create index organization_members_person_idx on organization_members (person_id)`.execute(db);

    await db.schema
      .createTable('campaigns')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id'))
      .addColumn('lineage_id', 'uuid', (c) => c.notNull().references('framework_lineages.id'))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('draft')
          .check(sql`status in ('draft', 'open', 'review', 'closed')`),
      )
      .addColumn('starts_on', 'date', (c) => c.notNull())
      .addColumn('ends_on', 'date', (c) => c.notNull())
      /** The campaign before this one on the same lineage, closed when this one was created. */
      .addColumn('previous_campaign_id', 'uuid', (c) => c.references('campaigns.id'))
      /** The criteria (ids in this version) the stakeholders' questionnaire asks about. */
      .addColumn('stakeholder_criteria', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('opened_at', 'timestamptz')
      .addColumn('review_at', 'timestamptz')
      .addColumn('closed_at', 'timestamptz')
      .addCheckConstraint('campaigns_period', sql`ends_on >= starts_on`)
      .execute();
    await sql`create index campaigns_lineage_idx on campaigns (lineage_id, closed_at desc nulls last)`.execute(db);
    await sql`create index campaigns_recent_idx on campaigns (created_at desc, id desc)`.execute(db);

    await db.schema
      .createTable('campaign_people')
      .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('coordinator', 'committee')`))
      .addColumn('added_by', 'uuid', (c) => c.notNull())
      .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('campaign_people_pk', ['campaign_id', 'person_id', 'role'])
      .execute();
    await sql`create index campaign_people_person_idx on campaign_people (person_id)`.execute(db);

    await db.schema
      .createTable('campaign_subjects')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('organization_id', 'uuid', (c) => c.notNull())
      /** The organisation's name as it was added. */
      .addColumn('name', 'text', (c) => c.notNull())
      /** The subject agreed to be named in the campaign's results and open data. */
      .addColumn('shown_in_results', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('added_by', 'uuid', (c) => c.notNull())
      .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('campaign_subjects_once', ['campaign_id', 'organization_id'])
      .execute();
    await sql`create index campaign_subjects_organization_idx on campaign_subjects (organization_id)`.execute(db);

    await db.schema
      .createTable('peer_assignments')
      .addColumn('subject_id', 'uuid', (c) => c.notNull().references('campaign_subjects.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('assigned_by', 'uuid', (c) => c.notNull())
      .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('peer_assignments_pk', ['subject_id', 'person_id'])
      .execute();
    await sql`create index peer_assignments_person_idx on peer_assignments (person_id)`.execute(db);

    await db.schema
      .createTable('assessments')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('self', 'peer', 'committee', 'valuation')`))
      .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id'))
      .addColumn('campaign_id', 'uuid', (c) => c.references('campaigns.id').onDelete('cascade'))
      .addColumn('subject_id', 'uuid', (c) => c.references('campaign_subjects.id').onDelete('cascade'))
      /** Valuations: the proposal assessed and its process. */
      .addColumn('proposal_id', 'uuid')
      .addColumn('process_id', 'uuid')
      /** Peers and valuators: whose assessment it is. Self and committee assessments are shared by their group. */
      .addColumn('author_id', 'uuid')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('draft')
          .check(sql`status in ('draft', 'submitted')`),
      )
      /** The committee's recommendations; a valuation's summary. */
      .addColumn('recommendations', 'text')
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('submitted_at', 'timestamptz')
      .addColumn('submitted_by', 'uuid')
      .addCheckConstraint('assessments_submitted_when', sql`(status = 'submitted') = (submitted_at is not null)`)
      .addCheckConstraint(
        'assessments_belong',
        sql`case when kind = 'valuation'
          then proposal_id is not null and process_id is not null and campaign_id is null and subject_id is null
          else campaign_id is not null and subject_id is not null and proposal_id is null end`,
      )
      .addCheckConstraint('assessments_author', sql`(kind in ('peer', 'valuation')) = (author_id is not null)`)
      .execute();
    await sql`create unique index assessments_one_self on assessments (subject_id) where kind = 'self'`.execute(db);
    await sql`create unique index assessments_one_committee on assessments (subject_id) where kind = 'committee'`.execute(
      db,
    );
    await sql`create unique index assessments_one_per_peer on assessments (subject_id, author_id) where kind = 'peer'`.execute(
      db,
    );
    await sql`create unique index assessments_one_per_valuator on assessments (proposal_id, author_id)
      where kind = 'valuation'`.execute(db);
    await sql`create index assessments_campaign_idx on assessments (campaign_id, kind) where campaign_id is not null`.execute(
      db,
    );

    await db.schema
      .createTable('criterion_answers')
      .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
      .addColumn('criterion_id', 'uuid', (c) => c.notNull().references('criteria.id'))
      .addColumn('narrative', 'text')
      .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('criterion_answers_pk', ['assessment_id', 'criterion_id'])
      .execute();
    await db.schema
      .createTable('indicator_answers')
      .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
      .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('indicators.id'))
      .addColumn('criterion_id', 'uuid', (c) => c.notNull().references('criteria.id'))
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicator_answers_pk', ['assessment_id', 'indicator_id'])
      .execute();
    await sql`create index indicator_answers_indicator_idx on indicator_answers (indicator_id)`.execute(db);

    // A submitted assessment is frozen: neither it nor its answers change, whatever a use-case does.
    await sql`create or replace function refuse_submitted_assessment_change() returns trigger language plpgsql as $$
      begin
        if old.status = 'submitted' and tg_op = 'UPDATE' then
          raise exception 'assessment % is submitted: it is never changed', old.id using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`.execute(db);
    await sql`create trigger assessments_frozen_once_submitted before update on assessments
      for each row execute function refuse_submitted_assessment_change()`.execute(db);
    await sql`create or replace function refuse_submitted_answer_change() returns trigger language plpgsql as $$
      declare
        touched uuid := case when tg_op = 'DELETE' then old.assessment_id else new.assessment_id end;
      begin
        if exists (select 1 from assessments where id = touched and status = 'submitted') then
          raise exception 'assessment % is submitted: its answers are never changed', touched using errcode = 'check_violation';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`.execute(db);
    for (const table of ['criterion_answers', 'indicator_answers']) {
      await sql
        .raw(
          `create trigger ${table}_frozen_once_submitted before insert or update or delete on ${table}
            for each row execute function refuse_submitted_answer_change()`,
        )
        .execute(db);
    }

    await db.schema
      .createTable('stakeholder_responses')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('subject_id', 'uuid', (c) => c.notNull().references('campaign_subjects.id').onDelete('cascade'))
      /** How the respondent knows the subject: inhabitant, user, partner, other. */
      .addColumn('relation', 'text', (c) =>
        c.notNull().check(sql`relation in ('inhabitant', 'user', 'partner', 'other')`),
      )
      .addColumn('comment', 'text')
      /** A keyed hash of where the response came from, for the limits only; null once the campaign closes. */
      .addColumn('source_key', 'text')
      .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await sql`create index stakeholder_responses_subject_idx on stakeholder_responses (subject_id, submitted_at)`.execute(
      db,
    );
    await sql`create index stakeholder_responses_source_idx on stakeholder_responses (campaign_id, source_key, submitted_at)
      where source_key is not null`.execute(db);
    await db.schema
      .createTable('stakeholder_answers')
      .addColumn('response_id', 'uuid', (c) => c.notNull().references('stakeholder_responses.id').onDelete('cascade'))
      .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('indicators.id'))
      .addColumn('criterion_id', 'uuid', (c) => c.notNull().references('criteria.id'))
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('stakeholder_answers_pk', ['response_id', 'indicator_id'])
      .execute();
    await sql`create index stakeholder_answers_indicator_idx on stakeholder_answers (indicator_id)`.execute(db);

    await db.schema
      .createTable('progress_actions')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organization_id', 'uuid', (c) => c.notNull())
      .addColumn('lineage_id', 'uuid', (c) => c.notNull().references('framework_lineages.id'))
      /** The campaign whose review led to the action. */
      .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id'))
      /** The criterion across versions (its `stable_id`), so the next campaign finds it. */
      .addColumn('criterion_stable_id', 'uuid', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('due_on', 'date', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('planned')
          .check(sql`status in ('planned', 'in_progress', 'done', 'dropped')`),
      )
      .addColumn('status_note', 'text')
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await sql`create index progress_actions_subject_idx on progress_actions (organization_id, lineage_id, due_on)`.execute(
      db,
    );

    await db.schema
      .createTable('process_valuation_frameworks')
      .addColumn('process_id', 'uuid', (c) => c.primaryKey())
      .addColumn('framework_id', 'uuid', (c) => c.notNull().references('frameworks.id'))
      .addColumn('chosen_by', 'uuid', (c) => c.notNull())
      .addColumn('chosen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};
