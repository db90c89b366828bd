import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { phaseRulesSchema } from './phase-rules';

const datetime = z.iso.datetime({ offset: true });

const phaseTitle = translatedTextSchema.refine(
  (t) => t.fr.length <= 150 && (t.en ?? '').length <= 150,
  'at most 150 characters',
);
const phaseDescription = translatedTextSchema.refine(
  (t) => t.fr.length <= 10_000 && (t.en ?? '').length <= 10_000,
  'at most 10,000 characters',
);

export const phaseSchema = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  /** Order in the process, from 1. */
  position: z.number().int().min(1),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  startsAt: datetime.nullable(),
  endsAt: datetime.nullable(),
  /** Becomes active by itself at `startsAt` (once). */
  autoActivate: z.boolean(),
  active: z.boolean(),
  activatedAt: datetime.nullable(),
  rules: phaseRulesSchema,
  createdAt: datetime,
  updatedAt: datetime,
});
export type Phase = z.infer<typeof phaseSchema>;

/** Start before end, when both are given. */
function datesInOrder(value: { startsAt?: string | null; endsAt?: string | null }): boolean {
  return !value.startsAt || !value.endsAt || Date.parse(value.startsAt) < Date.parse(value.endsAt);
}
const datesIssue = { message: 'must be after the start', path: ['endsAt'] };

const phaseFields = {
  title: phaseTitle,
  description: phaseDescription.nullable().optional(),
  startsAt: datetime.nullable().optional(),
  endsAt: datetime.nullable().optional(),
  autoActivate: z.boolean().optional(),
  rules: phaseRulesSchema.optional(),
};

export const createPhaseBodySchema = z
  .strictObject({ ...phaseFields, position: z.number().int().min(1).max(100).optional() })
  .refine(datesInOrder, datesIssue)
  .refine((p) => !p.autoActivate || !!p.startsAt, { message: 'a scheduled phase needs a start', path: ['startsAt'] });
export const createPhaseRequestSchema = z
  .strictObject({ processId: z.uuid(), ...phaseFields, position: z.number().int().min(1).max(100).optional() })
  .refine(datesInOrder, datesIssue)
  .refine((p) => !p.autoActivate || !!p.startsAt, { message: 'a scheduled phase needs a start', path: ['startsAt'] });

const updatePhaseFields = {
  title: phaseTitle.optional(),
  description: phaseDescription.nullable().optional(),
  startsAt: datetime.nullable().optional(),
  endsAt: datetime.nullable().optional(),
  autoActivate: z.boolean().optional(),
  rules: phaseRulesSchema.optional(),
  position: z.number().int().min(1).max(100).optional(),
};
export const updatePhaseBodySchema = z.strictObject(updatePhaseFields).refine(datesInOrder, datesIssue);
export const updatePhaseRequestSchema = z
  .strictObject({ processId: z.uuid(), phaseId: z.uuid(), ...updatePhaseFields })
  .refine(datesInOrder, datesIssue);

export const phaseRefSchema = z.strictObject({ processId: z.uuid(), phaseId: z.uuid() });
export const phaseListRequestSchema = z.strictObject({ processId: z.uuid() });
export const phaseListSchema = z.object({ data: z.array(phaseSchema) });

export const phaseActivatedSchema = z.object({
  processId: z.uuid(),
  phaseId: z.uuid(),
  previousPhaseId: z.uuid().nullable(),
  /** Activated by the scheduler at its start date, not by a person. */
  scheduled: z.boolean(),
});
