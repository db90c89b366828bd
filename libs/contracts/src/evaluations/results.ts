import { z } from 'zod';
import { translatedTextSchema } from '../i18n';

/*
 * Results of a campaign (regards croisés). Every indicator's answer is also read as a score from
 * 0 to 100, so that answers of different kinds sit on one axis: a level by its place on the scale
 * (lowest 0, highest 100), yes 100 and no 0, a quantity against its target (reached or passed:
 * 100; lower is better: the other way round); a quantity without a target and a narrative have no
 * score. A criterion's score is the mean of its indicators' scores; a dimension's, of its criteria.
 */

/** Whose eyes: the subject's own, its peers', its stakeholders', the committee's. */
export const perspectiveSchema = z.enum(['self', 'peer', 'stakeholder', 'committee']);
export type Perspective = z.infer<typeof perspectiveSchema>;

/** How far apart self and peers may be, in points of score, before the gap is flagged. */
export const DIVERGENCE_THRESHOLD = 25;

/** A score from 0 to 100, or `null` when nothing scorable was answered. */
const score = z.number().min(0).max(100).nullable();

/** One indicator's answers from one perspective: the raw value(s) and the score. */
export const indicatorResultSchema = z.object({
  indicatorId: z.uuid(),
  stableId: z.uuid(),
  title: translatedTextSchema,
  kind: z.enum(['quantitative', 'level_scale', 'yes_no', 'narrative']),
  /** Per perspective: how many answered, the median raw value (a level's value, 1/0, a quantity), the score. */
  self: z.object({ value: z.number().nullable(), score }),
  peer: z.object({ count: z.number().int().min(0), median: z.number().nullable(), score }),
  stakeholder: z.object({ count: z.number().int().min(0), median: z.number().nullable(), score }),
  committee: z.object({ value: z.number().nullable(), score }),
});
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

/** A narrative beside the figures: who told it (by perspective, never a stakeholder's name). */
export const narrativeSchema = z.object({
  perspective: perspectiveSchema,
  /** The peer's or committee's name; `null` for the subject's own and for stakeholders. */
  authorName: z.string().nullable(),
  text: z.string(),
  evidence: z.array(z.object({ label: z.string(), url: z.string() })),
});
export type Narrative = z.infer<typeof narrativeSchema>;

/**
 * Self far above peers (`self_above`) or far below (`self_below`): more than
 * `DIVERGENCE_THRESHOLD` points apart; `null` when close or when one side is missing.
 */
export const divergenceSchema = z.enum(['self_above', 'self_below']).nullable();

export const criterionResultSchema = z.object({
  criterionId: z.uuid(),
  stableId: z.uuid(),
  dimensionId: z.uuid(),
  title: translatedTextSchema,
  scores: z.object({ self: score, peer: score, stakeholder: score, committee: score }),
  divergence: divergenceSchema,
  indicators: z.array(indicatorResultSchema),
  narratives: z.array(narrativeSchema),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export const dimensionResultSchema = z.object({
  dimensionId: z.uuid(),
  stableId: z.uuid(),
  title: translatedTextSchema,
  scores: z.object({ self: score, peer: score, stakeholder: score, committee: score }),
});
export type DimensionResult = z.infer<typeof dimensionResultSchema>;

/** What became of a progress action recorded after an earlier campaign, shown beside its criterion. */
export const followedActionSchema = z.object({
  id: z.uuid(),
  criterionStableId: z.uuid(),
  title: z.string(),
  owner: z.string(),
  dueOn: z.iso.date(),
  status: z.enum(['planned', 'in_progress', 'done', 'dropped']),
  campaignId: z.uuid(),
});

/** One subject's results: each criterion with self, peers, stakeholders and committee side by side. */
export const subjectResultsSchema = z.object({
  campaignId: z.uuid(),
  subjectId: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  /** Submitted assessments counted (drafts never are). */
  counts: z.object({
    self: z.number().int().min(0),
    peer: z.number().int().min(0),
    stakeholder: z.number().int().min(0),
    committee: z.number().int().min(0),
  }),
  dimensions: z.array(dimensionResultSchema),
  criteria: z.array(criterionResultSchema),
  /** The committee's recommendations, once its opinion is submitted. */
  recommendations: z.string().nullable(),
  /** The previous campaign on the same lineage, if this subject took part: its criterion scores by stable id. */
  previous: z
    .object({
      campaignId: z.uuid(),
      scores: z.array(z.object({ stableId: z.uuid(), self: score, peer: score })),
    })
    .nullable(),
  /** Progress actions recorded for this subject on this lineage before this campaign, with their status now. */
  actions: z.array(followedActionSchema),
});
export type SubjectResults = z.infer<typeof subjectResultsSchema>;

/** A distribution of scores across subjects: how many in each fifth (0–20, 20–40, … 80–100). */
const distribution = z.array(z.number().int().min(0)).length(5);

/** A campaign's results: per criterion across subjects, and progress since the previous campaign. */
export const campaignResultsSchema = z.object({
  campaignId: z.uuid(),
  subjectsCount: z.number().int().min(0),
  /**
   * One row per subject, for the heat map: named if it agreed to be shown (or to coordinators,
   * the committee and platform admins), else `Structure 1`, `Structure 2`, … in a fixed order.
   */
  subjects: z.array(
    z.object({
      /** `null` when anonymised. */
      subjectId: z.uuid().nullable(),
      label: z.string(),
      /** The score per criterion, by criterion id; peers' when there are any, else self. */
      scores: z.record(z.string(), score),
    }),
  ),
  criteria: z.array(
    z.object({
      criterionId: z.uuid(),
      stableId: z.uuid(),
      dimensionId: z.uuid(),
      title: translatedTextSchema,
      /** Per perspective: subjects with a score, their median, the distribution. */
      self: z.object({ count: z.number().int(), median: score, distribution }),
      peer: z.object({ count: z.number().int(), median: score, distribution }),
      stakeholder: z.object({ count: z.number().int(), median: score, distribution }),
      /** The same criterion's peer (else self) median in the previous campaign; `null` if none. */
      previousMedian: score,
    }),
  ),
  previousCampaignId: z.uuid().nullable(),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;
