import { z } from 'zod';
import { localeSchema } from '../actor';
import { translatedTextSchema } from '../i18n';
import { builtInAnswerStates, proposalBodySchema, proposalPlacementFields, proposalTitleSchema } from './proposal';

/** A state's key: a slug (`en-etude-technique`), never one of the built-in states. */
export const answerStateKeySchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'lowercase letters, digits, single hyphens or underscores');

/** A colour as `#rrggbb`. */
export const answerStateColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

const answerStateLabelSchema = translatedTextSchema.refine(
  (t) => t.fr.length <= 80 && (t.en ?? '').length <= 80,
  'at most 80 characters',
);

/** A state a process defines for its answers, besides `evaluating`, `accepted` and `rejected`. */
export const answerStateSchema = z.object({
  processId: z.uuid(),
  key: z.string(),
  label: translatedTextSchema,
  colour: z.string(),
  position: z.number().int().min(1),
});
export type AnswerState = z.infer<typeof answerStateSchema>;
export const answerStateListSchema = z.object({ data: z.array(answerStateSchema) });

export const createAnswerStateBodySchema = z.strictObject({
  key: answerStateKeySchema.refine(
    (key) => !(builtInAnswerStates as readonly string[]).includes(key),
    'a built-in state (evaluating, accepted, rejected) cannot be redefined',
  ),
  label: answerStateLabelSchema,
  colour: answerStateColourSchema,
  /** Where it sits in the list, from 1 (the others move down); at the end by default. */
  position: z.number().int().min(1).optional(),
});
export const createAnswerStateRequestSchema = createAnswerStateBodySchema.extend({ processId: z.uuid() });

export const updateAnswerStateBodySchema = z.strictObject({
  label: answerStateLabelSchema.optional(),
  colour: answerStateColourSchema.optional(),
  position: z.number().int().min(1).optional(),
});
export const updateAnswerStateRequestSchema = updateAnswerStateBodySchema.extend({
  processId: z.uuid(),
  key: z.string().min(1).max(40),
});
export const answerStateRefSchema = z.strictObject({ processId: z.uuid(), key: z.string().min(1).max(40) });
export const answerStatesRequestSchema = z.strictObject({ processId: z.uuid() });

const answerText = translatedTextSchema.refine(
  (t) => t.fr.length <= 10_000 && (t.en ?? '').length <= 10_000,
  'at most 10,000 characters',
);
/** Money is integer cents; at most a billion euros. */
export const costCentsSchema = z.number().int().min(0).max(100_000_000_000);

const answerFields = {
  /** `evaluating`, `accepted`, `rejected`, or a state the process defines. */
  state: z.string().trim().min(1).max(40),
  /** Required when rejecting. */
  body: answerText.optional(),
  /** With the process's `answersWithCosts`, required to accept. */
  costCents: costCentsSchema.optional(),
  costReport: answerText.optional(),
  executionPeriod: z.string().trim().min(1).max(200).optional(),
  /**
   * Process admins: `true` publishes this answer now, `false` holds it; by default it is published
   * when the active phase publishes answers. Valuators' answers are always held.
   */
  publish: z.boolean().optional(),
};

/** A rejection says why. */
function rejectionExplained(answer: { state: string; body?: unknown }, context: z.RefinementCtx): void {
  if (answer.state === 'rejected' && !answer.body) {
    context.addIssue({ code: 'custom', path: ['body'], message: 'a rejection needs an answer text' });
  }
}

export const answerProposalBodySchema = z.strictObject(answerFields).superRefine(rejectionExplained);
export const answerProposalRequestSchema = z
  .strictObject({ ...answerFields, proposalId: z.uuid() })
  .superRefine(rejectionExplained);
export type AnswerProposalRequest = z.infer<typeof answerProposalRequestSchema>;

export const publishAnswersRequestSchema = z.strictObject({ processId: z.uuid() });
export const publishedAnswersSchema = z.object({
  /** Held answers published now, one `proposals.answer.published` event each. */
  published: z.number().int().min(0),
});

/** `id;state;answer/fr` (+ `answer/en`, `cost` in euros, `cost_report/fr`, `cost_report/en`, `execution_period`), `;`-separated. */
export const importAnswersBodySchema = z.strictObject({
  csv: z.string().min(1).max(900_000),
  /** Report what would be applied and change nothing. */
  dryRun: z.boolean().default(false),
  /** As for one answer: by default, published when the active phase publishes answers. */
  publish: z.boolean().optional(),
});
export const importAnswersRequestSchema = importAnswersBodySchema.extend({ processId: z.uuid() });
export type ImportAnswersRequest = z.input<typeof importAnswersRequestSchema>;

export const answerImportRejectionReasonSchema = z.enum([
  'column_count',
  'unknown_id',
  'other_process',
  'duplicate',
  'unknown_state',
  'rejected_without_text',
  'bad_cost',
  'cost_required',
  'proposal_withdrawn',
]);
export type AnswerImportRejectionReason = z.infer<typeof answerImportRejectionReasonSchema>;

export const answerImportRejectionSchema = z.object({
  /** The line of the CSV text, from 1 (the header). */
  line: z.number().int().min(1),
  /** The `id` cell as written, when there is one. */
  id: z.string().nullable(),
  reason: answerImportRejectionReasonSchema,
  message: z.string(),
});
export type AnswerImportRejection = z.infer<typeof answerImportRejectionSchema>;

export const answersImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows read (the header excluded). */
  rows: z.number().int().min(0),
  /** Answers given (or that would be, on a dry run); 0 whenever a row is rejected: an import is all or nothing. */
  applied: z.number().int().min(0),
  /** Of those, published at once. */
  published: z.number().int().min(0),
  rejected: z.array(answerImportRejectionSchema),
});
export type AnswersImportReport = z.infer<typeof answersImportReportSchema>;

/** A proposal of the process's organiser, published at once by a process admin, placed as any proposal is. */
export const createOfficialProposalBodySchema = z.strictObject({
  title: proposalTitleSchema,
  body: proposalBodySchema,
  locale: localeSchema.optional(),
  ...proposalPlacementFields,
});
export const createOfficialProposalRequestSchema = createOfficialProposalBodySchema.extend({ processId: z.uuid() });

export const answerPublishedSchema = z.object({
  proposalId: z.uuid(),
  processId: z.uuid(),
  /** The proposal's author (to be notified). */
  authorId: z.uuid(),
  state: z.string(),
});
