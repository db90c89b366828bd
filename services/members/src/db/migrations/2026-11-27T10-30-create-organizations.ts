import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Member organisations, the networks they belong to (an organisation can be a member of a
 * network organisation, many levels deep) and the memberships of people in them.
 */
export const createOrganizations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organizations')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(name) between 2 and 150`))
      // The name lowercased and without accents, for accent-insensitive search.
      .addColumn('name_folded', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`kind in ('association', 'cooperative', 'amap', 'regie_de_quartier', 'relais_local', 'tiers_lieu', 'collectivite', 'reseau', 'other')`,
          ),
      )
      .addColumn('description', 'jsonb')
      .addColumn('website', 'text', (c) => c.check(sql`website ~ '^https?://'`))
      .addColumn('address', 'text')
      .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
      .addColumn('longitude', 'double precision', (c) => c.check(sql`longitude between -180 and 180`))
      .addColumn('territory_id', 'uuid')
      .addColumn('theme_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('logo_url', 'text', (c) => c.check(sql`logo_url ~ '^https?://'`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'verified')`))
      .addColumn('verified_at', 'timestamptz')
      .addColumn('verified_by', 'uuid')
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint('organizations_coordinates_together', sql`(latitude is null) = (longitude is null)`)
      .addCheckConstraint('organizations_verified_at', sql`(status = 'verified') = (verified_at is not null)`)
      .execute();
    await db.schema
      .createIndex('organizations_status_name_idx')
      .on('organizations')
      .columns(['status', 'name_folded'])
      .execute();
    await db.schema.createIndex('organizations_kind_idx').on('organizations').column('kind').execute();
    await db.schema.createIndex('organizations_territory_idx').on('organizations').column('territory_id').execute();
    await db.schema
      .createIndex('organizations_theme_ids_idx')
      .on('organizations')
      .using('gin')
      .column('theme_ids')
      .execute();
    await db.schema
      .createIndex('organizations_located_idx')
      .on('organizations')
      .columns(['longitude', 'latitude'])
      .where(sql.ref('latitude'), 'is not', null)
      .execute();

    await db.schema
      .createTable('organization_networks')
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('network_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('organization_networks_pk', ['organization_id', 'network_id'])
      .addCheckConstraint('organization_networks_not_itself', sql`organization_id <> network_id`)
      .execute();
    await db.schema
      .createIndex('organization_networks_network_idx')
      .on('organization_networks')
      .column('network_id')
      .execute();

    await db.schema
      .createTable('memberships')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'member')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited', 'requested', 'active')`))
      .addColumn('invited_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('joined_at', 'timestamptz')
      .addUniqueConstraint('memberships_one_per_person', ['organization_id', 'person_id'])
      .addCheckConstraint('memberships_joined_at', sql`(status = 'active') = (joined_at is not null)`)
      .execute();
    await db.schema.createIndex('memberships_person_idx').on('memberships').column('person_id').execute();
  },
};
