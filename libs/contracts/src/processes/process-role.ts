import { z } from 'zod';
import { translatedTextSchema } from '../i18n';

/**
 * Roles that belong to one process: `admin` runs it, `collaborator` reads everything and changes
 * nothing, `moderator` works its reports, `valuator` assesses the proposals assigned to them.
 */
export const processRoles = ['admin', 'collaborator', 'moderator', 'valuator'] as const;
export const processRoleSchema = z.enum(processRoles);
export type ProcessRole = z.infer<typeof processRoleSchema>;

export const processRoleAssignmentSchema = z.object({
  processId: z.uuid(),
  personId: z.uuid(),
  role: processRoleSchema,
  assignedBy: z.uuid().nullable(),
  assignedAt: z.iso.datetime({ offset: true }),
});
export type ProcessRoleAssignment = z.infer<typeof processRoleAssignmentSchema>;
export const processRoleListSchema = z.object({ data: z.array(processRoleAssignmentSchema) });

export const assignRoleBodySchema = z.strictObject({ personId: z.uuid(), role: processRoleSchema });
export const assignRoleRequestSchema = assignRoleBodySchema.extend({ processId: z.uuid() });
export const removeRoleRequestSchema = z.strictObject({
  processId: z.uuid(),
  personId: z.uuid(),
  role: processRoleSchema,
});
export const processRolesRequestSchema = z.strictObject({ processId: z.uuid() });

/** A process where the person holds a role, as `GET /me` lists it. */
export const myProcessRoleSchema = z.object({
  processId: z.uuid(),
  slug: z.string(),
  title: translatedTextSchema,
  roles: z.array(processRoleSchema),
});
export type MyProcessRole = z.infer<typeof myProcessRoleSchema>;
export const myProcessRolesRequestSchema = z.strictObject({ personId: z.uuid() });
export const myProcessRolesSchema = z.object({ data: z.array(myProcessRoleSchema) });

/** People invited to a private process. */
export const invitationSchema = z.object({
  processId: z.uuid(),
  personId: z.uuid(),
  invitedBy: z.uuid().nullable(),
  invitedAt: z.iso.datetime({ offset: true }),
});
export type ProcessInvitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ data: z.array(invitationSchema) });
export const processInviteBodySchema = z.strictObject({ personIds: z.array(z.uuid()).min(1).max(500) });
export const processInviteRequestSchema = processInviteBodySchema.extend({ processId: z.uuid() });
export const uninviteRequestSchema = z.strictObject({ processId: z.uuid(), personId: z.uuid() });

export const roleChangedSchema = z.object({ processId: z.uuid(), personId: z.uuid(), role: processRoleSchema });
export const invitationChangedSchema = z.object({ processId: z.uuid(), personId: z.uuid() });
