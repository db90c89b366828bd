import type {
  ParticipantAction,
  ParticipationSettings,
  Process,
  ProcessInput,
  ProcessStatus,
  ProcessUpdate,
  ProcessVisibility,
  TranslatedText,
} from '../types';

/** A translated text as its inputs hold it: blank inputs give empty strings or nulls. */
export type TranslatedTextValues = Partial<Record<keyof TranslatedText, string | null>> | null;

/** What the process form holds. */
export interface ProcessFormValues {
  title?: TranslatedTextValues;
  subtitle?: TranslatedTextValues;
  description?: TranslatedTextValues;
  slug?: string | null;
  status?: ProcessStatus | null;
  visibility?: ProcessVisibility | null;
  organizerId?: string | null;
  territoryId?: string | null;
  themeIds?: string[] | null;
  startDate?: string | null;
  endDate?: string | null;
  bannerUrl?: string | null;
  settings?: SettingsValues;
}

/** Number inputs give numbers, or null when blank; switches give booleans. */
type InputValue<T> = T extends number ? number | string | null : T extends boolean ? boolean | null : never;

type SettingsValues = {
  [K in Exclude<keyof ParticipationSettings, 'requiredVerifications'>]?: InputValue<ParticipationSettings[K]>;
} & {
  /** One select per action; an empty one requires nothing. */
  requiredVerifications?: Partial<Record<ParticipantAction, string | null>> | null;
};

/** The settings of a process that sets none (the contract's defaults). */
export const defaultSettings: ParticipationSettings = {
  supportQuota: 0,
  minimumSupportsPerPerson: 0,
  supportThreshold: 0,
  supportsBeyondThreshold: true,
  proposalLimit: 0,
  editWindowMinutes: 5,
  geolocationEnabled: false,
  answersWithCosts: false,
  requiredVerifications: {},
};

export const defaultProcessFormValues: ProcessFormValues = {
  status: 'draft',
  visibility: 'public',
  themeIds: [],
  settings: { ...defaultSettings, requiredVerifications: {} },
};

const clean = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** `{ fr, en? }` with the blank English left out. */
const translated = (value: TranslatedTextValues | undefined): TranslatedText => {
  const en = clean(value?.en);
  return { fr: clean(value?.fr) ?? '', ...(en ? { en } : {}) };
};

/** A translated text that may be left out entirely (nothing in French nor English). */
const optionalTranslated = (value: TranslatedTextValues | undefined): TranslatedText | null =>
  clean(value?.fr) || clean(value?.en) ? translated(value) : null;

const count = (value: number | string | null | undefined, fallback: number): number => {
  if (value === null || value === undefined || value === '') return fallback;
  return Number(value);
};

/** The settings as the API takes them: numbers, and only the actions that require something. */
export function toSettings(values: SettingsValues | undefined): ParticipationSettings {
  const requiredVerifications: ParticipationSettings['requiredVerifications'] = {};
  for (const [action, kind] of Object.entries(values?.requiredVerifications ?? {})) {
    if (kind) requiredVerifications[action as ParticipantAction] = kind as 'residency';
  }
  return {
    supportQuota: count(values?.supportQuota, defaultSettings.supportQuota),
    minimumSupportsPerPerson: count(values?.minimumSupportsPerPerson, defaultSettings.minimumSupportsPerPerson),
    supportThreshold: count(values?.supportThreshold, defaultSettings.supportThreshold),
    supportsBeyondThreshold: Boolean(values?.supportsBeyondThreshold ?? defaultSettings.supportsBeyondThreshold),
    proposalLimit: count(values?.proposalLimit, defaultSettings.proposalLimit),
    editWindowMinutes: count(values?.editWindowMinutes, defaultSettings.editWindowMinutes),
    geolocationEnabled: Boolean(values?.geolocationEnabled ?? defaultSettings.geolocationEnabled),
    answersWithCosts: Boolean(values?.answersWithCosts ?? defaultSettings.answersWithCosts),
    requiredVerifications,
  };
}

/** The fields both creating and editing send; blank optional fields are `null` (cleared). */
function editableFieldsOf(values: ProcessFormValues) {
  return {
    title: translated(values.title),
    description: translated(values.description),
    subtitle: optionalTranslated(values.subtitle),
    organizerId: values.organizerId || null,
    territoryId: values.territoryId || null,
    themeIds: values.themeIds ?? [],
    startDate: values.startDate || null,
    endDate: values.endDate || null,
    bannerUrl: clean(values.bannerUrl) ?? null,
    visibility: values.visibility ?? 'public',
    settings: toSettings(values.settings),
  };
}

/** The form's values as `POST /processes` expects them. */
export function toProcessInput(values: ProcessFormValues): ProcessInput {
  const slug = clean(values.slug);
  return {
    ...editableFieldsOf(values),
    ...(slug ? { slug } : {}),
    status: values.status === 'published' ? 'published' : 'draft',
  };
}

/** The form's values as `PATCH /processes/{id}` expects them (the status changes through its own buttons). */
export function toProcessUpdate(values: ProcessFormValues): ProcessUpdate {
  const slug = clean(values.slug);
  return { ...editableFieldsOf(values), ...(slug ? { slug } : {}) };
}

/** The form's starting values for an existing process. */
export function formValuesOf(process: Process): ProcessFormValues {
  return {
    title: process.title,
    subtitle: process.subtitle,
    description: process.description,
    slug: process.slug,
    status: process.status,
    visibility: process.visibility,
    organizerId: process.organizerId,
    territoryId: process.territoryId,
    themeIds: process.themeIds,
    startDate: process.startDate,
    endDate: process.endDate,
    bannerUrl: process.bannerUrl,
    settings: { ...defaultSettings, ...process.settings },
  };
}
