import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';

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
  /** What stakeholders wrote beside their answers, oldest first: text only, never who or whence. */
  stakeholderComments: z.array(z.string()),
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

export const subjectResultsRequestSchema = z.strictObject({ campaignId: z.uuid(), subjectId: z.uuid() });
export const campaignResultsRequestSchema = z.strictObject({ campaignId: z.uuid() });

/*
 * Open data: a closed campaign's results, aggregated so that no subject is identifiable. A cell
 * (a criterion or an indicator, from one perspective) gives its median and distribution only when
 * at least `OPEN_DATA_MIN_SUBJECTS` subjects contribute to it, and as many of them are not named
 * (subjects that agreed to be shown are listed by name with their scores, so a cell where one or
 * two others stand beside them would tell theirs).
 */

/** The fewest subjects behind a published median or distribution. */
export const OPEN_DATA_MIN_SUBJECTS = 3;

/** The perspectives open data gives: the committee's opinion stays with the subject. */
export const openDataPerspectives = ['self', 'peer', 'stakeholder'] as const;

/** A closed campaign as open data lists it. */
export const openDataCampaignSchema = z.object({
  id: z.uuid(),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  framework: z.object({
    id: z.uuid(),
    lineageId: z.uuid(),
    version: z.number().int().min(1),
    title: translatedTextSchema,
  }),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  closedAt: z.iso.datetime({ offset: true }),
  subjectsCount: z.number().int().min(0),
});
export type OpenDataCampaign = z.infer<typeof openDataCampaignSchema>;

/** Closed campaigns, the last closed first. */
export const openDataCampaignsQuerySchema = listQuerySchema(['recent'], 'recent');

/** One criterion from one perspective across subjects; `suppressed`: too few subjects to tell. */
export const openDataScoreCellSchema = z.object({
  /** Subjects with a score from this perspective. */
  count: z.number().int().min(0),
  median: score,
  distribution: distribution.nullable(),
  suppressed: z.boolean(),
});
/** One indicator from one perspective across subjects: the median of each subject's raw value. */
export const openDataValueCellSchema = z.object({
  count: z.number().int().min(0),
  median: z.number().nullable(),
  suppressed: z.boolean(),
});

export const openDataResultsSchema = z.object({
  campaign: openDataCampaignSchema,
  minSubjects: z.number().int(),
  criteria: z.array(
    z.object({
      dimensionId: z.uuid(),
      dimensionStableId: z.uuid(),
      dimensionTitle: translatedTextSchema,
      criterionId: z.uuid(),
      stableId: z.uuid(),
      title: translatedTextSchema,
      self: openDataScoreCellSchema,
      peer: openDataScoreCellSchema,
      stakeholder: openDataScoreCellSchema,
      /** Indicators answered with a number (narratives have none). */
      indicators: z.array(
        z.object({
          indicatorId: z.uuid(),
          stableId: z.uuid(),
          title: translatedTextSchema,
          kind: z.enum(['quantitative', 'level_scale', 'yes_no']),
          unit: translatedTextSchema.nullable(),
          self: openDataValueCellSchema,
          peer: openDataValueCellSchema,
          stakeholder: openDataValueCellSchema,
        }),
      ),
    }),
  ),
  /** The subjects that agreed to be shown, by name, with their criterion scores. */
  subjects: z.array(
    z.object({
      organizationId: z.uuid(),
      name: z.string(),
      scores: z.array(z.object({ criterionStableId: z.uuid(), self: score, peer: score, stakeholder: score })),
    }),
  ),
});
export type OpenDataResults = z.infer<typeof openDataResultsSchema>;

/**
 * The open-data CSV's columns, one row per criterion and perspective: `median_score` and the
 * `fifth_*` counts (subjects scoring 0–20, 20–40, 40–60, 60–80, 80–100) are empty when
 * `suppressed` is `true`.
 */
export const openDataResultsCsvColumns = [
  'campaign_id',
  'dimension_stable_id',
  'dimension_title_fr',
  'dimension_title_en',
  'criterion_id',
  'criterion_stable_id',
  'criterion_title_fr',
  'criterion_title_en',
  'perspective',
  'subjects_count',
  'suppressed',
  'median_score',
  'fifth_0_20',
  'fifth_20_40',
  'fifth_40_60',
  'fifth_60_80',
  'fifth_80_100',
] as const;

/** The CSV of a closed campaign's results (`;`, CRLF, header first), written by the service. */
export const openDataResultsCsvSchema = z.object({ fileName: z.string(), csv: z.string() });
