import type { Criterion, Dimension, Indicator, IndicatorKind, TranslatedText } from '@convergences/contracts';
import type { CriterionInput, DimensionInput, IndicatorBody } from './frameworkApi';

/** A `{ fr, en? }` text as a form edits it: both languages, empty when absent. */
export interface TextValues {
  fr?: string | null;
  en?: string | null;
}

export const textValues = (text: TranslatedText | null | undefined): TextValues => ({
  fr: text?.fr ?? '',
  en: text?.en ?? '',
});

const trimmed = (value: string | null | undefined) => (value ?? '').trim();

/**
 * The text to send: French (empty if missing, for the API to name the field) and English only
 * when written.
 */
export function requiredText(values: TextValues | null | undefined): { fr: string; en?: string } {
  const en = trimmed(values?.en);
  return { fr: trimmed(values?.fr), ...(en ? { en } : {}) };
}

/** An optional text: `null` when neither language is written (which clears it). */
export function optionalText(values: TextValues | null | undefined): { fr: string; en?: string } | null {
  return trimmed(values?.fr) || trimmed(values?.en) ? requiredText(values) : null;
}

export interface DimensionValues {
  title?: TextValues;
  description?: TextValues;
}

export const dimensionValues = (dimension?: Dimension): DimensionValues => ({
  title: textValues(dimension?.title),
  description: textValues(dimension?.description),
});

export const toDimensionBody = (values: DimensionValues): DimensionInput => ({
  title: requiredText(values.title),
  description: optionalText(values.description),
});

export interface CriterionValues extends DimensionValues {
  narrativeRequired?: boolean;
  evidenceAllowed?: boolean;
}

export const criterionValues = (criterion?: Criterion): CriterionValues => ({
  ...dimensionValues(criterion as Dimension | undefined),
  narrativeRequired: criterion?.narrativeRequired ?? false,
  evidenceAllowed: criterion?.evidenceAllowed ?? false,
});

export const toCriterionBody = (values: CriterionValues): Omit<CriterionInput, 'dimensionId'> => ({
  ...toDimensionBody(values),
  narrativeRequired: values.narrativeRequired ?? false,
  evidenceAllowed: values.evidenceAllowed ?? false,
});

export interface LevelValues {
  value?: number | null;
  label?: TextValues;
  descriptor?: TextValues;
}

export interface IndicatorValues extends DimensionValues {
  kind?: IndicatorKind;
  unit?: TextValues;
  higherIsBetter?: boolean;
  target?: number | null;
  levels?: LevelValues[];
}

export const indicatorValues = (indicator?: Indicator): IndicatorValues => ({
  ...dimensionValues(indicator as Dimension | undefined),
  kind: indicator?.kind ?? 'quantitative',
  unit: textValues(indicator?.unit),
  higherIsBetter: indicator?.higherIsBetter ?? true,
  target: indicator?.target ?? null,
  levels: (indicator?.levels ?? []).map((level) => ({
    value: level.value,
    label: textValues(level.label),
    descriptor: textValues(level.descriptor),
  })),
});

/**
 * The body of an indicator: its title and description, its kind, and only the fields of that
 * kind (the API refuses another kind's fields). A number input left empty is sent as `null`.
 */
export function toIndicatorBody(values: IndicatorValues): IndicatorBody {
  const common = { ...toDimensionBody(values) };
  switch (values.kind) {
    case 'level_scale':
      return {
        ...common,
        kind: 'level_scale',
        levels: (values.levels ?? []).map((level) => ({
          value: level.value as number,
          label: requiredText(level.label),
          descriptor: optionalText(level.descriptor),
        })),
      };
    case 'yes_no':
      return { ...common, kind: 'yes_no' };
    case 'narrative':
      return { ...common, kind: 'narrative' };
    default:
      return {
        ...common,
        kind: 'quantitative',
        unit: optionalText(values.unit),
        higherIsBetter: values.higherIsBetter ?? true,
        target: typeof values.target === 'number' && Number.isFinite(values.target) ? values.target : null,
      };
  }
}
