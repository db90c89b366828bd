import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Who holds a role in a process, who is invited to a private one, and which people members says
 * are blocked (a copy kept from its events, so permission checks need no round trip).
 */
export const createProcessRoles: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('process_roles')
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('role', 'text', (c) =>
        c.notNull().check(sql`role in ('admin', 'collaborator', 'moderator', 'valuator')`),
      )
      .addColumn('assigned_by', 'uuid')
      .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('process_roles_pk', ['process_id', 'person_id', 'role'])
      .execute();
    await db.schema.createIndex('process_roles_person_idx').on('process_roles').column('person_id').execute();

    await db.schema
      .createTable('process_invitations')
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('invited_by', 'uuid')
      .addColumn('invited_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('process_invitations_pk', ['process_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('process_invitations_person_idx')
      .on('process_invitations')
      .column('person_id')
      .execute();

    await db.schema
      .createTable('blocked_people')
      .addColumn('person_id', 'uuid', (c) => c.primaryKey())
      .addColumn('blocked_at', 'timestamptz', (c) => c.notNull())
      .execute();
  },
};
