import type { Phase, PhaseInput, PhaseRules, TranslatedText } from '../../types';
import type { TranslatedTextValues } from '../processFormValues';

/** What the phase dialog holds; dates are the `datetime-local` inputs' values (or the API's ISO ones). */
export interface PhaseFormValues {
  title?: TranslatedTextValues;
  description?: TranslatedTextValues;
  startsAt?: string | null;
  endsAt?: string | null;
  autoActivate?: boolean | null;
  rules?: {
    proposals?: Partial<Record<keyof PhaseRules['proposals'], boolean | null>>;
    debates?: Partial<Record<keyof PhaseRules['debates'], boolean | null>>;
    comments?: Partial<Record<keyof PhaseRules['comments'], boolean | null>>;
  };
}

/** The rules of a phase that opens nothing but comments (the contract's defaults). */
export const closedPhaseRules: PhaseRules = {
  proposals: {
    creationEnabled: false,
    supportsEnabled: false,
    supportsBlocked: false,
    supportsHidden: false,
    endorsementsEnabled: false,
    answersPublished: false,
  },
  debates: { creationEnabled: false },
  comments: { enabled: true, blocked: false },
};

export const defaultPhaseFormValues: PhaseFormValues = { autoActivate: false, rules: closedPhaseRules };

const clean = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const translatedOrNull = (value: TranslatedTextValues | undefined): TranslatedText | null => {
  const fr = clean(value?.fr);
  const en = clean(value?.en);
  return fr ? { fr, ...(en ? { en } : {}) } : null;
};

/** A local date and time from the form as an instant with its offset, as the API takes it. */
const instantOf = (value: string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** Every rule, switched on or off: what is not switched on is off (comments excepted, on by default). */
export function toPhaseRules(values: PhaseFormValues['rules']): PhaseRules {
  const pick = <G extends keyof PhaseRules>(group: G): PhaseRules[G] => {
    const given = (values?.[group] ?? {}) as Record<string, boolean | null | undefined>;
    const defaults = closedPhaseRules[group] as Record<string, boolean>;
    return Object.fromEntries(
      Object.keys(defaults).map((rule) => [rule, Boolean(given[rule] ?? defaults[rule])]),
    ) as PhaseRules[G];
  };
  return { proposals: pick('proposals'), debates: pick('debates'), comments: pick('comments') };
}

/** The dialog's values as `POST /processes/{id}/phases` (and its `PATCH`) expect them. */
export function toPhaseInput(values: PhaseFormValues): PhaseInput {
  return {
    title: translatedOrNull(values.title) ?? { fr: '' },
    description: translatedOrNull(values.description),
    startsAt: instantOf(values.startsAt),
    endsAt: instantOf(values.endsAt),
    autoActivate: Boolean(values.autoActivate),
    rules: toPhaseRules(values.rules),
  };
}

/** The dialog's starting values for an existing phase. */
export function formValuesOfPhase(phase: Phase): PhaseFormValues {
  return {
    title: phase.title,
    description: phase.description,
    startsAt: phase.startsAt,
    endsAt: phase.endsAt,
    autoActivate: phase.autoActivate,
    rules: phase.rules,
  };
}
