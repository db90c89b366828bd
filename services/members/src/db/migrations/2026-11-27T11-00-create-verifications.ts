import { sql, type Kysely, type Migration } from 'kysely';

/** A territory key for unique indexes: `null` (every territory) is one value, not many. */
const territoryKey = sql`coalesce(territory_id, '00000000-0000-0000-0000-000000000000'::uuid)`;

/**
 * Verifications of people (e.g. residency in a territory), the census entries and one-time codes
 * that grant them, and the per-database salt census hashes use when no `CENSUS_SECRET` is set.
 */
export const createVerifications: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('verifications')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('residency')`))
      .addColumn('territory_id', 'uuid')
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('manual', 'census', 'code')`))
      .addColumn('granted_by', 'uuid')
      .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('expires_at', 'timestamptz')
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('revoked_by', 'uuid')
      .addColumn('revoke_reason', 'text', (c) => c.check(sql`char_length(revoke_reason) between 1 and 1000`))
      .addCheckConstraint(
        'verifications_revocation',
        sql`revoked_at is not null or (revoked_by is null and revoke_reason is null)`,
      )
      .execute();
    // One unrevoked verification per person, kind and territory (an expired one is revoked before another is granted).
    await sql`create unique index verifications_one_active on verifications (person_id, kind, ${territoryKey})
      where revoked_at is null`.execute(db);
    await db.schema
      .createIndex('verifications_kind_territory_idx')
      .on('verifications')
      .columns(['kind', 'territory_id'])
      .execute();

    await db.schema
      .createTable('census_entries')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('residency')`))
      .addColumn('territory_id', 'uuid')
      // HMAC-SHA256 of the normalised identifier and birth date: the values themselves are never stored.
      .addColumn('identifier_hash', 'text', (c) => c.notNull())
      .addColumn('birth_date_hash', 'text')
      .addColumn('expires_at', 'timestamptz')
      .addColumn('imported_by', 'uuid', (c) => c.notNull())
      .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('used_at', 'timestamptz')
      .addColumn('used_by', 'uuid')
      .addCheckConstraint('census_entries_use', sql`(used_at is null) = (used_by is null)`)
      .execute();
    await sql`create unique index census_entries_one_unused on census_entries (kind, ${territoryKey}, identifier_hash)
      where used_at is null`.execute(db);

    await db.schema
      .createTable('verification_codes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('residency')`))
      .addColumn('territory_id', 'uuid')
      .addColumn('expires_at', 'timestamptz')
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('used_at', 'timestamptz')
      .addColumn('used_by', 'uuid')
      .addCheckConstraint('verification_codes_use', sql`(used_at is null) = (used_by is null)`)
      .execute();

    await db.schema
      .createTable('census_salt')
      .addColumn('singleton', 'boolean', (c) =>
        c
          .primaryKey()
          .defaultTo(true)
          .check(sql`singleton`),
      )
      .addColumn('salt', 'text', (c) => c.notNull())
      .execute();
  },
};
