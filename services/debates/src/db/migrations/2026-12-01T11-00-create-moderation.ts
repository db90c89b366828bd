import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Moderation: one row per reported or moderated resource (its pending report count kept on it,
 * so concurrent reports are counted under the row's lock and the threshold hides exactly once),
 * one report per person and resource (a unique key), the proposals' authors (learnt from
 * `proposals` so that a block can hide their proposals), and the platform's activity log.
 */
export const createModeration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table moderations (
      id uuid primary key,
      resource_type text not null check (resource_type in ('proposal', 'debate', 'comment', 'person')),
      resource_id uuid not null,
      process_id uuid,
      parent_resource_type text check (parent_resource_type in ('proposal', 'debate')),
      parent_resource_id uuid,
      author_id uuid,
      title text,
      excerpt text,
      reports_count integer not null default 0 check (reports_count >= 0),
      last_reported_at timestamptz,
      hidden_at timestamptz,
      hidden_by uuid,
      hidden_cause text check (hidden_cause in ('reports', 'moderator', 'block')),
      justification text,
      version integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (resource_type, resource_id),
      check ((hidden_at is null) = (hidden_cause is null)),
      check (resource_type <> 'person' or hidden_at is null)
    )`.execute(db);
    await sql`create index moderations_queue on moderations (reports_count desc, last_reported_at desc, id)
      where hidden_at is null and reports_count > 0`.execute(db);
    await sql`create index moderations_hidden on moderations (hidden_at desc, id) where hidden_at is not null`.execute(
      db,
    );
    await sql`create index moderations_process on moderations (process_id)`.execute(db);
    await sql`create index moderations_author_hidden on moderations (author_id, hidden_cause)
      where hidden_at is not null`.execute(db);

    await sql`create table reports (
      id uuid primary key,
      moderation_id uuid not null references moderations (id),
      reporter_id uuid not null,
      reason text not null check (reason in ('spam', 'offensive', 'does_not_belong')),
      details text,
      created_at timestamptz not null default now(),
      dismissed_at timestamptz,
      unique (moderation_id, reporter_id)
    )`.execute(db);

    await sql`create table known_proposals (
      proposal_id uuid primary key,
      process_id uuid not null,
      author_id uuid not null,
      title text not null
    )`.execute(db);
    await sql`create index known_proposals_author on known_proposals (author_id)`.execute(db);

    await sql`create table activity_log (
      id uuid primary key,
      service text not null,
      action text not null,
      actor_id uuid,
      actor_name text,
      resource_type text not null,
      resource_id uuid not null,
      process_id uuid,
      reason text,
      details jsonb not null default '{}',
      occurred_at timestamptz not null
    )`.execute(db);
    await sql`create index activity_log_recent on activity_log (occurred_at desc, id desc)`.execute(db);
    await sql`create index activity_log_actor on activity_log (actor_id, occurred_at desc)`.execute(db);
    await sql`create index activity_log_resource on activity_log (resource_type, resource_id)`.execute(db);
    await sql`create index activity_log_process on activity_log (process_id, occurred_at desc)`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table activity_log, known_proposals, reports, moderations`.execute(db);
  },
};
