import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  changeRoleRequestSchema,
  inviteRequestSchema,
  joinRequestSchema,
  membershipCheckRequestSchema,
  membershipCheckSchema,
  membershipIdSchema,
  membershipSchema,
  myMembershipsQuerySchema,
  organizationMembersQuerySchema,
} from './membership';
import {
  createOrganizationRequestSchema,
  organizationIdSchema,
  organizationListQuerySchema,
  organizationMapQuerySchema,
  organizationMapSchema,
  organizationRefRequestSchema,
  organizationSchema,
  updateOrganizationRequestSchema,
} from './organization';

/** Messages of the members service about organisations and memberships. */
export const organizationsMessages = {
  /** Any signed-in participant proposes an organisation and becomes its first admin. */
  'members.organization.create': { request: createOrganizationRequestSchema, response: organizationSchema },
  /** Its admins or platform admins. */
  'members.organization.update': { request: updateOrganizationRequestSchema, response: organizationSchema },
  /** Platform admins; verifying twice changes nothing. */
  'members.organization.verify': { request: organizationIdSchema, response: organizationSchema },
  /** By id or slug; a pending one only for its members and platform admins. */
  'members.organization.get': { request: organizationRefRequestSchema, response: organizationSchema },
  'members.organization.list': { request: organizationListQuerySchema, response: pageSchema(organizationSchema) },
  /** Verified organisations with coordinates, as a GeoJSON FeatureCollection. */
  'members.organization.map': { request: organizationMapQuerySchema, response: organizationMapSchema },

  /** An organisation admin invites a person, who then accepts or declines. */
  'members.membership.invite': { request: inviteRequestSchema, response: membershipSchema },
  /** A person asks to join; an organisation admin then accepts or declines. */
  'members.membership.request': { request: joinRequestSchema, response: membershipSchema },
  'members.membership.accept': { request: membershipIdSchema, response: membershipSchema },
  /** Answers the invitation or request as it was before it was dropped. */
  'members.membership.decline': { request: membershipIdSchema, response: membershipSchema },
  /** The person leaves (answers the membership as it was). */
  'members.membership.leave': { request: membershipIdSchema, response: membershipSchema },
  /** An organisation admin removes a member (answers the membership as it was). */
  'members.membership.remove': { request: membershipIdSchema, response: membershipSchema },
  /** One membership: public when active in a verified organisation, else for its person and the organisation's admins. */
  'members.membership.get': { request: membershipIdSchema, response: membershipSchema },
  'members.membership.changeRole': { request: changeRoleRequestSchema, response: membershipSchema },
  'members.membership.listForOrganization': {
    request: organizationMembersQuerySchema,
    response: pageSchema(membershipSchema),
  },
  'members.membership.listMine': { request: myMembershipsQuerySchema, response: pageSchema(membershipSchema) },
  /** For services acting on behalf of an organisation: is the person an active member, with which role. */
  'members.membership.check': { request: membershipCheckRequestSchema, response: membershipCheckSchema },
} as const satisfies Record<string, MessageContract>;
