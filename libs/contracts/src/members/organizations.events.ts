import type { EventContract } from '../message-contract';
import { membershipChangedSchema, membershipLeftSchema } from './membership';
import { organizationChangedSchema } from './organization';

/** Events of the members service about organisations and memberships. */
export const organizationsEvents = {
  'members.organization.created': { schemaVersion: 1, data: organizationChangedSchema },
  'members.organization.updated': { schemaVersion: 1, data: organizationChangedSchema },
  'members.organization.verified': { schemaVersion: 1, data: organizationChangedSchema },
  'members.membership.joined': { schemaVersion: 1, data: membershipChangedSchema },
  'members.membership.left': { schemaVersion: 1, data: membershipLeftSchema },
  /** An active member made admin, or an admin made member. */
  'members.membership.roleChanged': { schemaVersion: 1, data: membershipChangedSchema },
} as const satisfies Record<string, EventContract>;
