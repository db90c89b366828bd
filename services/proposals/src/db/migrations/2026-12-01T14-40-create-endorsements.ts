import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Endorsements: a person endorses a published proposal as themself (`organization_id` null) or on
 * behalf of a verified organisation they belong to, once each. The organisation's name is kept as
 * it was when it endorsed, so the public list needs no call to members.
 */
export const createEndorsements: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('endorsements')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('organization_id', 'uuid')
      .addColumn('organization_name', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint(
        'endorsements_organization_named',
        sql`(organization_id is null) = (organization_name is null)`,
      )
      .execute();
    await sql`create unique index endorsements_once on endorsements (proposal_id, person_id, organization_id)
      nulls not distinct`.execute(db);
    await sql`create index endorsements_of_person on endorsements (person_id)`.execute(db);
  },
};
