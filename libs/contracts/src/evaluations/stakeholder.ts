import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { scaleLevelSchema } from './framework-tree';

/*
 * Regards des parties prenantes: a short public questionnaire about one subject of an open
 * campaign, on the criteria its coordinators chose, answered by inhabitants, users and partners
 * without saying who they are. Only levels and yes/no are asked: quantities and narratives are
 * the subject's and its peers' to give.
 */

/** How the respondent knows the subject. */
export const stakeholderRelations = ['inhabitant', 'user', 'partner', 'other'] as const;
export const stakeholderRelationSchema = z.enum(stakeholderRelations);
export type StakeholderRelation = z.infer<typeof stakeholderRelationSchema>;

/** The most answers one response carries. */
export const MAX_STAKEHOLDER_ANSWERS = 50;

/** A subject to give one's view on: an organisation of the campaign. */
export const stakeholderSubjectSchema = z.object({ id: z.uuid(), name: z.string() });

/** One question: an indicator of a chosen criterion, a level scale or a yes/no. */
export const stakeholderQuestionSchema = z.object({
  indicatorId: z.uuid(),
  kind: z.enum(['level_scale', 'yes_no']),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  /** Level scales: their levels, lowest first, each with its label and what it means; `[]` for yes/no. */
  levels: z.array(scaleLevelSchema),
});
export type StakeholderQuestion = z.infer<typeof stakeholderQuestionSchema>;

export const stakeholderCriterionSchema = z.object({
  criterionId: z.uuid(),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  questions: z.array(stakeholderQuestionSchema),
});
export type StakeholderCriterion = z.infer<typeof stakeholderCriterionSchema>;

/**
 * The questionnaire of an open campaign: without a subject, the subjects to choose from; with
 * one, its name and the questions, criteria in the framework's order.
 */
export const stakeholderQuestionnaireSchema = z.object({
  campaignId: z.uuid(),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  endsOn: z.iso.date(),
  subjects: z.array(stakeholderSubjectSchema),
  /** The subject asked about, or `null` when none was chosen yet. */
  subject: stakeholderSubjectSchema.nullable(),
  /** Empty until a subject is chosen. */
  criteria: z.array(stakeholderCriterionSchema),
});
export type StakeholderQuestionnaire = z.infer<typeof stakeholderQuestionnaireSchema>;

export const stakeholderQuestionnaireQuerySchema = z.strictObject({ subjectId: z.uuid().optional() });
export const stakeholderQuestionnaireRequestSchema = stakeholderQuestionnaireQuerySchema.extend({
  campaignId: z.uuid(),
});

/** One answer: a level's value for a level scale, `true` or `false` for a yes/no. */
export const stakeholderAnswerSchema = z.strictObject({
  indicatorId: z.uuid(),
  value: z.union([z.number().finite(), z.boolean()], { error: 'a level’s value or true / false' }),
});

/** What a respondent sends: nothing of who they are. */
export const stakeholderResponseBodySchema = z.strictObject({
  subjectId: z.uuid(),
  relation: stakeholderRelationSchema,
  answers: z.array(stakeholderAnswerSchema).min(1).max(MAX_STAKEHOLDER_ANSWERS),
  comment: z.string().trim().max(2_000).optional(),
});
/**
 * `source`: where the response came from (the client's address), set by the gateway whatever the
 * caller sent; the service keeps only a keyed hash of it, for the limits against stuffing.
 */
export const stakeholderResponseRequestSchema = stakeholderResponseBodySchema.extend({
  campaignId: z.uuid(),
  source: z.string().min(1).max(200),
});

/** A response received: no id, since responses are only ever read as aggregates. */
export const stakeholderReceiptSchema = z.object({
  campaignId: z.uuid(),
  subjectId: z.uuid(),
  answersCount: z.number().int().min(1),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type StakeholderReceipt = z.infer<typeof stakeholderReceiptSchema>;

/** How many responses one source may give per subject, and per campaign, in `STAKEHOLDER_WINDOW_HOURS`. */
export const STAKEHOLDER_LIMITS = { perSubject: 3, perCampaign: 30 } as const;
export const STAKEHOLDER_WINDOW_HOURS = 24;
