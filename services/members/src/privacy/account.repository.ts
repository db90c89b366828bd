import { sql, type Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import type { PersonRow } from '../person/person.repository';

type Db = Kysely<MembersDatabase>;

/** An organisation the person is an active admin of, with how many active admins it has. */
export interface AdministeredOrganization {
  id: string;
  slug: string;
  name: string;
  activeAdmins: number;
}

/** Whether the subject belongs to a deleted account. */
export async function isDeletedSubject(db: Db, subject: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('subject', '=', subject)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The organisations the person is an active admin of, locked (in id order, as every caller
 * locks them) so that their admin counts hold until the transaction ends.
 */
export async function lockAdministeredOrganizations(db: Db, personId: string): Promise<AdministeredOrganization[]> {
  const organizations = await db
    .selectFrom('organizations as o')
    .innerJoin('memberships as m', 'm.organization_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('m.person_id', '=', personId)
    .where('m.status', '=', 'active')
    .where('m.role', '=', 'admin')
    .orderBy('o.id')
    .forUpdate('o')
    .execute();
  const counted: AdministeredOrganization[] = [];
  for (const organization of organizations) {
    const { n } = await db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organization.id)
      .where('status', '=', 'active')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    counted.push({ ...organization, activeAdmins: Number(n) });
  }
  return counted;
}

export async function deleteMembershipsOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('memberships').where('person_id', '=', personId).execute();
}

/**
 * Anonymises the person: a placeholder nickname nobody can guess frees theirs, the name becomes
 * `displayName`, bio, email and territory of residence are erased and the profile turns private.
 */
export async function anonymise(db: Db, personId: string, displayName: string, nickname: string): Promise<PersonRow> {
  return db
    .updateTable('people')
    .set({
      display_name: displayName,
      nickname,
      bio: null,
      email: null,
      territory_id: null,
      profile_visibility: 'private',
      deleted_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The person's memberships, whatever their state, with their organisations' names. */
export async function membershipsOf(db: Db, personId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.organization_id as organizationId',
      'o.slug as organizationSlug',
      'o.name as organizationName',
      'm.role',
      'm.status',
      'm.invited_by as invitedBy',
      'm.created_at as createdAt',
      'm.joined_at as joinedAt',
    ])
    .where('m.person_id', '=', personId)
    .orderBy('o.name')
    .execute();
}

/** The organisations the person proposed (they may since have left them). */
export async function organizationsCreatedBy(db: Db, personId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'kind', 'status', 'created_at as createdAt'])
    .where('created_by', '=', personId)
    .orderBy('created_at')
    .execute();
}

/** The verifications the person was granted, revoked ones included. */
export async function verificationsOf(db: Db, personId: string) {
  return db
    .selectFrom('verifications')
    .select([
      'id',
      'kind',
      'territory_id as territoryId',
      'method',
      'granted_at as grantedAt',
      'expires_at as expiresAt',
      'revoked_at as revokedAt',
      'revoke_reason as revokeReason',
    ])
    .where('person_id', '=', personId)
    .orderBy('granted_at')
    .execute();
}
