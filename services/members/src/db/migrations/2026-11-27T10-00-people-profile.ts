import { sql, type Kysely, type Migration } from 'kysely';

/** What people registered before nicknames existed are given: their user name, made valid and unique. */
function nicknameOf(username: string, taken: Set<string>): string {
  let base = username
    .split('@')[0]
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 24);
  if (base.length < 3) base = `member-${base}`.replace(/-$/, '');
  for (let n = 1; ; n++) {
    const nickname = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(nickname)) {
      taken.add(nickname);
      return nickname;
    }
  }
}

/**
 * People get a profile (nickname, bio, visibility), a block state and the count of their
 * proposals. Territory of residence waits for the territories of `processes`.
 */
export const peopleProfile: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('people')
      .addColumn('nickname', 'text')
      .addColumn('bio', 'text', (c) => c.check(sql`char_length(bio) <= 1000`))
      .addColumn('profile_visibility', 'text', (c) =>
        c
          .notNull()
          .defaultTo('public')
          .check(sql`profile_visibility in ('public', 'private')`),
      )
      .addColumn('blocked_at', 'timestamptz')
      .addColumn('block_reason', 'text')
      .addColumn('blocked_by', 'uuid')
      .addColumn('proposals_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`proposals_count >= 0`),
      )
      .execute();

    const { rows } = await sql<{ id: string; username: string }>`select id, username from people
      order by created_at, id`.execute(db);
    const taken = new Set<string>();
    for (const row of rows) {
      await sql`update people set nickname = ${nicknameOf(row.username, taken)} where id = ${row.id}`.execute(db);
    }

    await db.schema
      .alterTable('people')
      .alterColumn('nickname', (c) => c.setNotNull())
      .execute();
    // Nicknames are lowercase by construction, so a plain unique constraint is case-insensitive.
    await db.schema
      .alterTable('people')
      .addCheckConstraint('people_nickname_format', sql`nickname ~ '^[a-z0-9_-]{3,30}$'`)
      .execute();
    await db.schema.alterTable('people').addUniqueConstraint('people_nickname_key', ['nickname']).execute();
    await db.schema
      .alterTable('people')
      .addCheckConstraint(
        'people_block_state',
        sql`(blocked_at is null) = (block_reason is null) and (blocked_at is null) = (blocked_by is null)`,
      )
      .execute();
    await db.schema.createIndex('people_created_idx').on('people').columns(['created_at', 'id']).execute();
    await db.schema
      .createIndex('people_blocked_idx')
      .on('people')
      .column('blocked_at')
      .where(sql.ref('blocked_at'), 'is not', null)
      .execute();
  },
};
