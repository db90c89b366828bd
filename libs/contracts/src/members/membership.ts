import { z } from 'zod';
import { listQuerySchema } from '../pagination';

export const membershipRoleSchema = z.enum(['admin', 'member']);
export type MembershipRole = z.infer<typeof membershipRoleSchema>;

/** `invited` waits for the person, `requested` for an organisation admin, `active` is a member. */
export const membershipStatusSchema = z.enum(['invited', 'requested', 'active']);
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;

export const membershipSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationSlug: z.string(),
  organizationName: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  role: membershipRoleSchema,
  status: membershipStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  joinedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

/** Who to invite: a person by nickname or by id, exactly one of them. */
export const inviteBodySchema = z
  .strictObject({
    nickname: z.string().trim().min(1).max(100).optional(),
    personId: z.uuid().optional(),
    role: membershipRoleSchema.default('member'),
  })
  .refine((value) => (value.nickname === undefined) !== (value.personId === undefined), {
    message: 'give either a nickname or a personId',
    path: ['nickname'],
  });
export const inviteRequestSchema = z
  .strictObject({
    organizationId: z.uuid(),
    nickname: z.string().trim().min(1).max(100).optional(),
    personId: z.uuid().optional(),
    role: membershipRoleSchema.default('member'),
  })
  .refine((value) => (value.nickname === undefined) !== (value.personId === undefined), {
    message: 'give either a nickname or a personId',
    path: ['nickname'],
  });
export type InviteRequest = z.input<typeof inviteRequestSchema>;

export const joinRequestSchema = z.strictObject({ organizationId: z.uuid() });
export const membershipIdSchema = z.strictObject({ id: z.uuid() });
export const changeRoleBodySchema = z.strictObject({ role: membershipRoleSchema });
export const changeRoleRequestSchema = z.strictObject({ id: z.uuid(), role: membershipRoleSchema });

export const organizationMembersQuerySchema = listQuerySchema(['name', 'recent'], 'name').extend({
  organizationId: z.uuid(),
  /** Organisation admins and platform admins may list pending invitations and requests. */
  status: membershipStatusSchema.optional(),
});
export type OrganizationMembersQuery = z.infer<typeof organizationMembersQuerySchema>;

export const myMembershipsQuerySchema = listQuerySchema(['recent', 'name'], 'recent').extend({
  status: membershipStatusSchema.optional(),
});
export type MyMembershipsQuery = z.infer<typeof myMembershipsQuerySchema>;

export const membershipCheckRequestSchema = z.strictObject({ personId: z.uuid(), organizationId: z.uuid() });
/** Whether a person may act on behalf of an organisation (later issues: endorsements). */
export const membershipCheckSchema = z.object({
  member: z.boolean(),
  role: membershipRoleSchema.nullable(),
  organizationVerified: z.boolean(),
});
export type MembershipCheck = z.infer<typeof membershipCheckSchema>;

export const membershipChangedSchema = z.object({
  membershipId: z.uuid(),
  organizationId: z.uuid(),
  personId: z.uuid(),
  role: membershipRoleSchema,
});
export const membershipLeftSchema = membershipChangedSchema.extend({
  /** `left` by the person themself, or `removed` by an organisation admin. */
  reason: z.enum(['left', 'removed']),
});
