import { z } from 'zod';
import { actorSchema } from '../actor';
import { DomainError, type ErrorCode } from '../errors';
import { participantActions } from './phase-rules';

/**
 * What an actor may ask to do in a process: the participant actions a phase opens, and the
 * actions of process roles.
 */
export const processActions = [
  'view',
  ...participantActions,
  /** Read everything, drafts and private data included (collaborators and up). */
  'read_all',
  'moderate',
  'valuate',
  'answer_proposal',
  'administer',
] as const;
export const processActionSchema = z.enum(processActions);
export type ProcessAction = z.infer<typeof processActionSchema>;

/**
 * Why an action is refused. Each is also a problem `code` (see `errors.ts`): 401 for
 * `unauthenticated`, 403 for what is about the person, 422 for what is about the process now.
 */
export const denyReasons = [
  'unauthenticated',
  'blocked_person',
  'not_invited',
  'role_required',
  'verification_required',
  'process_not_published',
  'process_closed',
  'phase_closed',
  'supports_blocked',
  'comments_blocked',
] as const satisfies readonly ErrorCode[];
export const denyReasonSchema = z.enum(denyReasons);
export type DenyReason = z.infer<typeof denyReasonSchema>;

export const permissionCheckRequestSchema = z.strictObject({
  processId: z.uuid(),
  action: processActionSchema,
  /** Who asks; when omitted, the actor the request carries. */
  actor: actorSchema.nullable().optional(),
});

export const permissionDecisionSchema = z.discriminatedUnion('allowed', [
  z.object({
    allowed: z.literal(true),
    processId: z.uuid(),
    action: processActionSchema,
    phaseId: z.uuid().nullable(),
  }),
  z.object({
    allowed: z.literal(false),
    processId: z.uuid(),
    action: processActionSchema,
    phaseId: z.uuid().nullable(),
    reason: denyReasonSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type PermissionDecision = z.infer<typeof permissionDecisionSchema>;

/** Turns a refusal into the domain error whose code is its reason; lets an allowance through. */
export function assertAllowed(decision: PermissionDecision): void {
  if (decision.allowed) return;
  throw new DomainError(decision.reason, decision.message, {
    processId: decision.processId,
    action: decision.action,
    ...(decision.details ?? {}),
  });
}
