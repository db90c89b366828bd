import { z } from 'zod';
import { translatedTextSchema } from '../i18n';

/*
 * The tree of a framework (référentiel, grille): dimensions → criteria → indicators, each ordered
 * by its position among its siblings, with French required and English optional.
 */

/** Official text of a framework, French required, English optional, each at most `max` characters. */
export function frameworkTextInput(max: number) {
  const text = z.string().trim().min(1).max(max);
  return z.strictObject({ fr: text, en: text.optional() });
}
export const frameworkTitleInputSchema = frameworkTextInput(200);
export const frameworkDescriptionInputSchema = frameworkTextInput(5_000);

/**
 * How an indicator is answered: a number (`quantitative`), a level on a scale (`level_scale`),
 * yes or no (`yes_no`), or only a narrative (`narrative`: the story is the answer).
 */
export const indicatorKinds = ['quantitative', 'level_scale', 'yes_no', 'narrative'] as const;
export const indicatorKindSchema = z.enum(indicatorKinds);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

/** The most levels a scale has. */
export const MAX_SCALE_LEVELS = 10;

/** One level of a scale: its value (what an answer gives), a short label and what it means. */
export const scaleLevelInputSchema = z.strictObject({
  value: z.number().int().min(0).max(100),
  label: frameworkTextInput(80),
  /** What reaching this level means; a draft may leave it for later, adoption needs it. */
  descriptor: frameworkTextInput(1_000).nullable().optional(),
});
export const scaleLevelSchema = z.object({
  value: z.number().int(),
  label: translatedTextSchema,
  descriptor: translatedTextSchema.nullable(),
});
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;

/**
 * The levels of a scale, from the lowest value up: none yet (a draft describes them later), or at
 * least two, each value above the one before.
 */
export const scaleLevelsInputSchema = z
  .array(scaleLevelInputSchema)
  .max(MAX_SCALE_LEVELS)
  .superRefine((levels, ctx) => {
    if (levels.length === 1) ctx.addIssue({ code: 'custom', message: 'a level scale has at least 2 levels' });
    levels.forEach((level, i) => {
      if (i > 0 && level.value <= levels[i - 1].value) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'value'],
          message: 'levels go from the lowest value up, each value above the one before',
        });
      }
    });
  });

const indicatorCommonInput = {
  title: frameworkTitleInputSchema,
  description: frameworkDescriptionInputSchema.nullable().optional(),
};

/** The fields each kind of indicator has besides its title and description. */
export const indicatorKindFields = {
  quantitative: ['unit', 'higherIsBetter', 'target'],
  level_scale: ['levels'],
  yes_no: [],
  narrative: [],
} as const satisfies Record<IndicatorKind, readonly string[]>;

/** An indicator as written, one shape per kind; `extra` adds the ids a request carries. */
function indicatorInput<const Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({
        ...extra,
        ...indicatorCommonInput,
        kind: z.literal('quantitative'),
        /** What the number counts (`personnes`, `€`, `%`); none for a plain number. */
        unit: frameworkTextInput(40).nullable().optional(),
        /** Whether a higher number is the better one (`true` unless said). */
        higherIsBetter: z.boolean().default(true),
        /** The number aimed at, if any. */
        target: z.number().finite().nullable().optional(),
      }),
      z.strictObject({
        ...extra,
        ...indicatorCommonInput,
        kind: z.literal('level_scale'),
        levels: scaleLevelsInputSchema.default([]),
      }),
      z.strictObject({ ...extra, ...indicatorCommonInput, kind: z.literal('yes_no') }),
      z.strictObject({ ...extra, ...indicatorCommonInput, kind: z.literal('narrative') }),
    ],
    { error: `kind must be one of ${indicatorKinds.join(', ')}` },
  );
}

/** An indicator's whole shape, as checked once a change is merged into it. */
export const indicatorShapeSchema = indicatorInput({});
export type IndicatorShape = z.infer<typeof indicatorShapeSchema>;

export const indicatorSchema = z.object({
  id: z.uuid(),
  /** The same indicator in every version of the lineage: copied with it, so results compare across versions. */
  stableId: z.uuid(),
  criterionId: z.uuid(),
  /** From 1, among the criterion's indicators. */
  position: z.number().int().min(1),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  kind: indicatorKindSchema,
  /** Quantitative indicators: the unit, whether higher is better, the target; `null` otherwise. */
  unit: translatedTextSchema.nullable(),
  higherIsBetter: z.boolean().nullable(),
  target: z.number().nullable(),
  /** Level scales: their levels, lowest first; `[]` otherwise. */
  levels: z.array(scaleLevelSchema),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** The proposal a co-built criterion came from, as it was when adopted. */
export const criterionOriginSchema = z.object({
  proposalId: z.uuid(),
  /** `PROP-2026-000123`. */
  reference: z.string().nullable(),
});
export type CriterionOrigin = z.infer<typeof criterionOriginSchema>;

export const criterionSchema = z.object({
  id: z.uuid(),
  stableId: z.uuid(),
  dimensionId: z.uuid(),
  position: z.number().int().min(1),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  /** An answer to this criterion must tell its story (récit). */
  narrativeRequired: z.boolean(),
  /** An answer may bring evidence (links, documents' URLs). */
  evidenceAllowed: z.boolean(),
  /** Co-construction: the participant's proposal this criterion was adopted from, or `null`. */
  origin: criterionOriginSchema.nullable(),
  indicators: z.array(indicatorSchema),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const dimensionSchema = z.object({
  id: z.uuid(),
  stableId: z.uuid(),
  position: z.number().int().min(1),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  criteria: z.array(criterionSchema),
});
export type Dimension = z.infer<typeof dimensionSchema>;

const frameworkRef = { frameworkId: z.uuid() };

const dimensionFields = {
  title: frameworkTitleInputSchema,
  description: frameworkDescriptionInputSchema.nullable().optional(),
};
/** A new dimension, after the framework's last one. */
export const createDimensionBodySchema = z.strictObject(dimensionFields);
export const createDimensionRequestSchema = z.strictObject({ ...frameworkRef, ...dimensionFields });
export const updateDimensionBodySchema = z.strictObject({
  title: frameworkTitleInputSchema.optional(),
  description: frameworkDescriptionInputSchema.nullable().optional(),
});
export const updateDimensionRequestSchema = updateDimensionBodySchema.extend({
  ...frameworkRef,
  dimensionId: z.uuid(),
});
export const dimensionRefSchema = z.strictObject({ ...frameworkRef, dimensionId: z.uuid() });

const criterionFields = {
  title: frameworkTitleInputSchema,
  description: frameworkDescriptionInputSchema.nullable().optional(),
  narrativeRequired: z.boolean().default(false),
  evidenceAllowed: z.boolean().default(false),
};
/** A new criterion, after the dimension's last one. */
export const createCriterionBodySchema = z.strictObject({ dimensionId: z.uuid(), ...criterionFields });
export const createCriterionRequestSchema = createCriterionBodySchema.extend(frameworkRef);
/** `dimensionId` moves the criterion to the end of another dimension of the same framework. */
export const updateCriterionBodySchema = z.strictObject({
  dimensionId: z.uuid().optional(),
  title: frameworkTitleInputSchema.optional(),
  description: frameworkDescriptionInputSchema.nullable().optional(),
  narrativeRequired: z.boolean().optional(),
  evidenceAllowed: z.boolean().optional(),
});
export const updateCriterionRequestSchema = updateCriterionBodySchema.extend({
  ...frameworkRef,
  criterionId: z.uuid(),
});
export const criterionRefSchema = z.strictObject({ ...frameworkRef, criterionId: z.uuid() });

/**
 * Co-construction: a participant's proposal of the framework's process becomes a criterion of a
 * draft, keeping the link; its title is the proposal's unless given.
 */
export const adoptProposalBodySchema = z.strictObject({
  proposalId: z.uuid(),
  dimensionId: z.uuid(),
  title: frameworkTitleInputSchema.optional(),
  description: frameworkDescriptionInputSchema.nullable().optional(),
  narrativeRequired: z.boolean().default(false),
  evidenceAllowed: z.boolean().default(false),
});
export const adoptProposalRequestSchema = adoptProposalBodySchema.extend(frameworkRef);

/** A new indicator, after the criterion's last one. */
export const createIndicatorBodySchema = indicatorInput({ criterionId: z.uuid() });
export const createIndicatorRequestSchema = indicatorInput({ ...frameworkRef, criterionId: z.uuid() });
export type CreateIndicatorRequest = z.infer<typeof createIndicatorRequestSchema>;

/**
 * What changes of an indicator: the fields given. A new `kind` drops the fields of the old one;
 * the fields of a kind are taken only on an indicator of that kind.
 */
export const updateIndicatorBodySchema = z.strictObject({
  title: frameworkTitleInputSchema.optional(),
  description: frameworkDescriptionInputSchema.nullable().optional(),
  kind: indicatorKindSchema.optional(),
  unit: frameworkTextInput(40).nullable().optional(),
  higherIsBetter: z.boolean().optional(),
  target: z.number().finite().nullable().optional(),
  levels: scaleLevelsInputSchema.optional(),
});
export const updateIndicatorRequestSchema = updateIndicatorBodySchema.extend({
  ...frameworkRef,
  indicatorId: z.uuid(),
});
export type UpdateIndicatorRequest = z.infer<typeof updateIndicatorRequestSchema>;
export const indicatorRefSchema = z.strictObject({ ...frameworkRef, indicatorId: z.uuid() });

/** The new order of siblings: each of their ids exactly once, first to last. */
const order = z.array(z.uuid()).min(1).max(500);
export const reorderDimensionsBodySchema = z.strictObject({ order });
export const reorderDimensionsRequestSchema = reorderDimensionsBodySchema.extend(frameworkRef);
export const reorderCriteriaBodySchema = z.strictObject({ dimensionId: z.uuid(), order });
export const reorderCriteriaRequestSchema = reorderCriteriaBodySchema.extend(frameworkRef);
export const reorderIndicatorsBodySchema = z.strictObject({ criterionId: z.uuid(), order });
export const reorderIndicatorsRequestSchema = reorderIndicatorsBodySchema.extend(frameworkRef);
