import type {
  MembershipRole,
  MembershipStatus,
  OrganizationKind,
  OrganizationStatus,
  TranslatedText,
  VerificationKind,
  VerificationMethod,
} from '@convergences/contracts';
import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { ColumnType, Generated } from 'kysely';

export interface PeopleTable {
  id: string;
  subject: string;
  username: string;
  display_name: string;
  email: string | null;
  locale: 'fr' | 'en';
  roles: string[];
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  nickname: string;
  bio: string | null;
  profile_visibility: Generated<'public' | 'private'>;
  blocked_at: Date | null;
  block_reason: string | null;
  blocked_by: string | null;
  proposals_count: Generated<number>;
  /** Set once the person deleted their account; the row is then anonymised. */
  deleted_at: Date | null;
  /** The territory of residence, a territory of `processes` (no foreign key: another service's data). */
  territory_id: string | null;
}

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  name_folded: string;
  kind: OrganizationKind;
  description: ColumnType<TranslatedText | null, string | null, string | null>;
  website: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  territory_id: string | null;
  theme_ids: string[];
  logo_url: string | null;
  status: OrganizationStatus;
  verified_at: Date | null;
  verified_by: string | null;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrganizationNetworksTable {
  organization_id: string;
  network_id: string;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  id: string;
  organization_id: string;
  person_id: string;
  role: MembershipRole;
  status: MembershipStatus;
  invited_by: string | null;
  created_at: Generated<Date>;
  joined_at: Date | null;
}

export interface VerificationsTable {
  id: string;
  person_id: string;
  kind: VerificationKind;
  territory_id: string | null;
  method: VerificationMethod;
  granted_by: string | null;
  granted_at: Generated<Date>;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface CensusEntriesTable {
  id: string;
  kind: VerificationKind;
  territory_id: string | null;
  identifier_hash: string;
  birth_date_hash: string | null;
  expires_at: Date | null;
  imported_by: string;
  imported_at: Generated<Date>;
  used_at: Date | null;
  used_by: string | null;
}

export interface VerificationCodesTable {
  id: string;
  code_hash: string;
  kind: VerificationKind;
  territory_id: string | null;
  expires_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  used_at: Date | null;
  used_by: string | null;
}

export interface CensusSaltTable {
  singleton: Generated<boolean>;
  salt: string;
}

export interface MembersDatabase extends EventTables, IdempotencyTables {
  people: PeopleTable;
  organizations: OrganizationsTable;
  organization_networks: OrganizationNetworksTable;
  memberships: MembershipsTable;
  verifications: VerificationsTable;
  census_entries: CensusEntriesTable;
  verification_codes: VerificationCodesTable;
  census_salt: CensusSaltTable;
}
