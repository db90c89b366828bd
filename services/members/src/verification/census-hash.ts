import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';

/** Hashes census values with a secret: identical inputs give identical hashes, nothing can be read back. */
export interface CensusHasher {
  identifier(normalisedIdentifier: string): string;
  birthDate(isoDate: string): string;
}

/** HMAC-SHA256 of each value, prefixed by what it is, so an identifier never matches a birth date. */
export function censusHasher(secret: string): CensusHasher {
  const hmac = (value: string) => createHmac('sha256', secret).update(value).digest('hex');
  return {
    identifier: (value) => hmac(`identifier:${value}`),
    birthDate: (value) => hmac(`birth_date:${value}`),
  };
}

/**
 * The census secret: `CENSUS_SECRET` when configured, else a random salt kept in the members
 * schema, created on first use (race-free: insert-or-nothing on a one-row table). With
 * `create: false` a missing salt answers `undefined` (nothing was ever hashed with it).
 */
export async function censusSecret(
  db: Kysely<MembersDatabase>,
  configured: string | undefined,
  create = true,
): Promise<string | undefined> {
  if (configured) return configured;
  if (create) {
    await db
      .insertInto('census_salt')
      .values({ salt: randomBytes(32).toString('hex') })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return (await db.selectFrom('census_salt').select('salt').executeTakeFirst())?.salt;
}
