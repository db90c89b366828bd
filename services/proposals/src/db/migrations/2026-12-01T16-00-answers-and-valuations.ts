import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What the local authority needs to answer: its own answer states per process, valuators put in
 * charge of proposals and their private notes, who published an answer, and the organiser's name
 * an official proposal is shown under.
 */
export const answersAndValuations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('answer_states')
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label', 'jsonb', (c) => c.notNull())
      .addColumn('colour', 'text', (c) => c.notNull().check(sql`colour ~ '^#[0-9a-fA-F]{6}$'`))
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('answer_states_pk', ['process_id', 'key'])
      .addCheckConstraint('answer_states_not_built_in', sql`key not in ('evaluating', 'accepted', 'rejected')`)
      .execute();

    await db.schema
      .createTable('valuator_assignments')
      .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      // Kept with the assignment so "my proposals in this process" reads one index.
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('assigned_by', 'uuid', (c) => c.notNull())
      .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('valuator_assignments_pk', ['proposal_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('valuator_assignments_person')
      .on('valuator_assignments')
      .columns(['person_id', 'process_id', 'assigned_at'])
      .execute();

    await db.schema
      .createTable('valuation_notes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('author_id', 'uuid', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 5000`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex('valuation_notes_proposal')
      .on('valuation_notes')
      .columns(['proposal_id', 'created_at'])
      .execute();

    await db.schema
      .alterTable('proposals')
      .addColumn('answer_published_by', 'uuid')
      // An official proposal is shown under its organiser's name, taken when it was published.
      .addColumn('organizer_id', 'uuid')
      .addColumn('organizer_name', 'text')
      .execute();
    await db.schema
      .alterTable('proposals')
      .addCheckConstraint('proposals_official_organizer', sql`official = (organizer_name is not null)`)
      .execute();
    // The held answers of a process, for publishing them in bulk.
    await sql`create index proposals_held_answers on proposals (process_id)
      where answer_state is not null and answer_published_at is null`.execute(db);
  },
};
