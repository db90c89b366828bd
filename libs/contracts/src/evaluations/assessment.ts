import { z } from 'zod';
import { httpUrlSchema } from '../members/organization';
import { listQuerySchema } from '../pagination';

const datetime = z.iso.datetime({ offset: true });

/*
 * Assessments answer a framework version criterion by criterion: values of its indicators (a
 * quantity, a level, yes or no), a narrative (récit: "compter et conter", the numbers and the
 * story) and evidence. Self, peer and committee assessments belong to a campaign's subject;
 * valuations to a proposal of a process. Draft until submitted, then frozen for good.
 */

/** `self`: the subject's members; `peer`: a person of another organisation; `committee`: the commission mixte; `valuation`: a proposal's valuator. */
export const assessmentKindSchema = z.enum(['self', 'peer', 'committee', 'valuation']);
export type AssessmentKind = z.infer<typeof assessmentKindSchema>;
/** The kinds of a campaign's assessments. */
export const campaignAssessmentKindSchema = z.enum(['self', 'peer', 'committee']);
export type CampaignAssessmentKind = z.infer<typeof campaignAssessmentKindSchema>;
export const assessmentStatusSchema = z.enum(['draft', 'submitted']);
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;

/** The longest narrative or recommendations, in characters. */
export const MAX_NARRATIVE_LENGTH = 10_000;
/** The most pieces of evidence one criterion's answer brings. */
export const MAX_EVIDENCE = 10;
/** The most criteria answered in one save. */
export const MAX_ANSWERS_PER_SAVE = 200;

/** One piece of evidence: what it shows, and where (a link or a document's URL). */
export const evidenceSchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  url: httpUrlSchema,
});
export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * One indicator's value: a number (quantitative), a level's value (level scale), `true` / `false`
 * (yes / no), or `null` to clear it.
 */
export const indicatorValueInputSchema = z.strictObject({
  indicatorId: z.uuid(),
  value: z.union([z.number(), z.boolean()]).nullable(),
});
export type IndicatorValueInput = z.infer<typeof indicatorValueInputSchema>;

/**
 * The answer to one criterion, as written. Only what is given changes: a narrative (`null` or
 * empty clears it), the evidence (the whole list, replaced), the values listed (others kept).
 */
export const answerInputSchema = z.strictObject({
  criterionId: z.uuid(),
  narrative: z.string().trim().max(MAX_NARRATIVE_LENGTH).nullable().optional(),
  evidence: z.array(evidenceSchema).max(MAX_EVIDENCE).optional(),
  values: z.array(indicatorValueInputSchema).max(100).optional(),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

/** The answers to save in a draft; criteria not mentioned keep their answers. */
export const saveAnswersBodySchema = z.strictObject({
  answers: z.array(answerInputSchema).min(1).max(MAX_ANSWERS_PER_SAVE),
  /** The committee's recommendations (committee assessments only); `null` clears them. */
  recommendations: z.string().trim().max(MAX_NARRATIVE_LENGTH).nullable().optional(),
});
export const saveAnswersRequestSchema = saveAnswersBodySchema.extend({ id: z.uuid() });
export type SaveAnswersRequest = z.infer<typeof saveAnswersRequestSchema>;

/** One criterion's saved answer; yes / no values read as 1 / 0. */
export const answerSchema = z.object({
  criterionId: z.uuid(),
  narrative: z.string().nullable(),
  evidence: z.array(z.object({ label: z.string(), url: z.string() })),
  values: z.array(z.object({ indicatorId: z.uuid(), value: z.number() })),
});
export type Answer = z.infer<typeof answerSchema>;

/** An assessment without its answers, as lists show it. */
export const assessmentSummarySchema = z.object({
  id: z.uuid(),
  kind: assessmentKindSchema,
  /** The framework version answered. */
  frameworkId: z.uuid(),
  campaignId: z.uuid().nullable(),
  subjectId: z.uuid().nullable(),
  proposalId: z.uuid().nullable(),
  processId: z.uuid().nullable(),
  /** Peers and valuators: whose assessment it is; `null` for self and committee assessments (shared by their group). */
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  status: assessmentStatusSchema,
  /** The committee's recommendations; a valuation's summary. */
  recommendations: z.string().nullable(),
  createdAt: datetime,
  updatedAt: datetime,
  submittedAt: datetime.nullable(),
  /** How many criteria have an answer (a narrative, evidence or a value). */
  answeredCriteria: z.number().int().min(0),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

/** An assessment with its answers, in the framework's order of criteria. */
export const assessmentSchema = assessmentSummarySchema.omit({ answeredCriteria: true }).extend({
  answers: z.array(answerSchema),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** What a submit finds missing: per criterion, the narrative and the indicators still to answer. */
export const missingAnswerSchema = z.object({
  criterionId: z.uuid(),
  /** `narrative`, or `indicator:<id>`. */
  missing: z.array(z.string()),
});
export type MissingAnswer = z.infer<typeof missingAnswerSchema>;

export const assessmentIdSchema = z.strictObject({ id: z.uuid() });

/** Starts (or finds) the caller's draft of a kind for one subject of a campaign. */
export const startAssessmentBodySchema = z.strictObject({
  subjectId: z.uuid(),
  kind: campaignAssessmentKindSchema,
});
export const startAssessmentRequestSchema = startAssessmentBodySchema.extend({ campaignId: z.uuid() });
/** `created`: whether this call created it (the gateway answers 201) or found it (200). */
export const startedAssessmentSchema = z.object({ assessment: assessmentSchema, created: z.boolean() });
export type StartedAssessment = z.infer<typeof startedAssessmentSchema>;

/** `subject`: by subject's name, then kind; `recent`: the last changed first. */
export const assessmentSorts = ['subject', 'recent'] as const;
export const assessmentListQuerySchema = listQuerySchema(assessmentSorts, 'subject').extend({
  campaignId: z.uuid(),
  subjectId: z.uuid().optional(),
  kind: campaignAssessmentKindSchema.optional(),
  status: assessmentStatusSchema.optional(),
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuerySchema>;

/** Announced once an assessment is submitted: frozen from now on. */
export const assessmentSubmittedSchema = z.object({
  assessmentId: z.uuid(),
  campaignId: z.uuid().nullable(),
  subjectId: z.uuid().nullable(),
  kind: assessmentKindSchema,
});
