import { z } from 'zod';
import { listQuerySchema } from '../pagination';
import { proposalSchema } from './proposal';

/** A valuator (a process role) put in charge of studying a proposal. */
export const valuatorAssignmentSchema = z.object({
  proposalId: z.uuid(),
  personId: z.uuid(),
  assignedBy: z.uuid(),
  assignedAt: z.iso.datetime({ offset: true }),
});
export type ValuatorAssignment = z.infer<typeof valuatorAssignmentSchema>;

export const assignValuatorBodySchema = z.strictObject({ personId: z.uuid() });
export const assignValuatorRequestSchema = assignValuatorBodySchema.extend({ proposalId: z.uuid() });
/** Whether the valuator was in charge of the proposal until now. */
export const valuatorRemovalSchema = z.object({ removed: z.boolean() });
export const unassignValuatorRequestSchema = z.strictObject({ proposalId: z.uuid(), personId: z.uuid() });

/** A private note on a proposal: seen by the process's admins and the proposal's valuators, never public. */
export const valuationNoteSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ValuationNote = z.infer<typeof valuationNoteSchema>;

export const addValuationNoteBodySchema = z.strictObject({ body: z.string().trim().min(1).max(5_000) });
export const addValuationNoteRequestSchema = addValuationNoteBodySchema.extend({ proposalId: z.uuid() });

/** What the process's admins and a proposal's valuators see of it: its answer even held, its valuators, its notes. */
export const valuationSchema = z.object({
  proposal: proposalSchema,
  valuators: z.array(valuatorAssignmentSchema),
  notes: z.array(valuationNoteSchema),
});
export type Valuation = z.infer<typeof valuationSchema>;
export const valuationRequestSchema = z.strictObject({ proposalId: z.uuid() });

export const myValuationSorts = ['recent', 'assignedAt', '-assignedAt'] as const;
/**
 * The proposals assigned to the caller: in one process, or (no `processId`) in every process where
 * they hold the valuator role now.
 */
export const myValuationsQuerySchema = listQuerySchema(myValuationSorts, 'recent').extend({
  processId: z.uuid().optional(),
  /** `true`: only those without an answer yet; `false`: only answered ones. */
  unanswered: z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).optional(),
});
export type MyValuationsQuery = z.infer<typeof myValuationsQuerySchema>;
