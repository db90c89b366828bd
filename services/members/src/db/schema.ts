import type {
  MembershipRole,
  MembershipStatus,
  OrganizationKind,
  OrganizationStatus,
  TranslatedText,
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

export interface MembersDatabase extends EventTables, IdempotencyTables {
  people: PeopleTable;
  organizations: OrganizationsTable;
  organization_networks: OrganizationNetworksTable;
  memberships: MembershipsTable;
}
