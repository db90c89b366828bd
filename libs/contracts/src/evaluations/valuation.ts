import { z } from 'zod';
import { assessmentSchema } from './assessment';
import { frameworkSchema } from './framework';

const datetime = z.iso.datetime({ offset: true });

/*
 * Valuations: a process's valuators assess the proposals assigned to them with a framework chosen
 * for the process (feasibility, social utility, cost…), criterion by criterion, as assessments of
 * kind `valuation`. The process's admins read them beside the proposal, before answering it.
 */

export const valuationFrameworkRequestSchema = z.strictObject({ processId: z.uuid() });

/** The framework a process's valuators assess with: an adopted version. */
export const setValuationFrameworkBodySchema = z.strictObject({ frameworkId: z.uuid() });
export const setValuationFrameworkRequestSchema = setValuationFrameworkBodySchema.extend({ processId: z.uuid() });

/** The framework chosen for a process, with its tree; `framework: null` while none is chosen. */
export const processValuationFrameworkSchema = z.object({
  processId: z.uuid(),
  framework: frameworkSchema.nullable(),
  chosenBy: z.uuid().nullable(),
  chosenAt: datetime.nullable(),
});
export type ProcessValuationFramework = z.infer<typeof processValuationFrameworkSchema>;

/** A new choice; `discardedDrafts`: the valuations begun on the previous framework, dropped with it. */
export const valuationFrameworkChoiceSchema = processValuationFrameworkSchema.extend({
  discardedDrafts: z.number().int().min(0),
});
export type ValuationFrameworkChoice = z.infer<typeof valuationFrameworkChoiceSchema>;

/**
 * A criterion's score, from 0 to 100, as results score answers: the mean of its valued indicators
 * that score (a level by its place on the scale, yes 100 / no 0, a quantity against its target);
 * `null` when none does (narratives, quantities without a target, nothing valued yet).
 */
export const valuationCriterionScoreSchema = z.object({
  criterionId: z.uuid(),
  score: z.number().min(0).max(100).nullable(),
});
export type ValuationCriterionScore = z.infer<typeof valuationCriterionScoreSchema>;

/**
 * A valuator's valuation of a proposal: an assessment of kind `valuation` (its `recommendations`
 * are the valuator's summary), with the score of each criterion, in the framework's order.
 */
export const frameworkValuationSchema = assessmentSchema.extend({
  proposalId: z.uuid(),
  processId: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  scores: z.array(valuationCriterionScoreSchema),
});
export type FrameworkValuation = z.infer<typeof frameworkValuationSchema>;
export const frameworkValuationListSchema = z.object({ data: z.array(frameworkValuationSchema) });

export const startFrameworkValuationRequestSchema = z.strictObject({ proposalId: z.uuid() });
/** `created`: whether this call created the draft (the gateway answers 201) or found it (200). */
export const startedFrameworkValuationSchema = z.object({ valuation: frameworkValuationSchema, created: z.boolean() });
export type StartedFrameworkValuation = z.infer<typeof startedFrameworkValuationSchema>;
export const frameworkValuationIdSchema = z.strictObject({ id: z.uuid() });
export const frameworkValuationsRequestSchema = z.strictObject({ proposalId: z.uuid() });
