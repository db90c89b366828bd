import { z } from 'zod';
import { verificationKindSchema } from '../members/verification';

/**
 * What the active phase opens, component by component. Every field has a default, so `{}` is a
 * phase where nothing is open (an information phase).
 */
export const phaseRulesSchema = z.strictObject({
  proposals: z
    .strictObject({
      /** Participants may write and publish proposals. */
      creationEnabled: z.boolean().default(false),
      /** Participants may support proposals… */
      supportsEnabled: z.boolean().default(false),
      /** …but not now: supports are shown and frozen (no new ones, none taken back). */
      supportsBlocked: z.boolean().default(false),
      /** Support counts are not shown to participants. */
      supportsHidden: z.boolean().default(false),
      /** Participants and organisations may endorse proposals. */
      endorsementsEnabled: z.boolean().default(false),
      /** Official answers are shown; otherwise they are held until a phase publishes them. */
      answersPublished: z.boolean().default(false),
    })
    .default({
      creationEnabled: false,
      supportsEnabled: false,
      supportsBlocked: false,
      supportsHidden: false,
      endorsementsEnabled: false,
      answersPublished: false,
    }),
  debates: z
    .strictObject({
      /** Participants may open debates (admins always may). */
      creationEnabled: z.boolean().default(false),
    })
    .default({ creationEnabled: false }),
  comments: z
    .strictObject({
      /** Comments are shown and may be written… */
      enabled: z.boolean().default(true),
      /** …but not now: existing comments are shown, no new ones. */
      blocked: z.boolean().default(false),
    })
    .default({ enabled: true, blocked: false }),
});
export type PhaseRules = z.infer<typeof phaseRulesSchema>;
export type PhaseRulesInput = z.input<typeof phaseRulesSchema>;

/** What participants do in a process, each of which may be opened by a phase and require a verification. */
export const participantActions = [
  'create_proposal',
  'support_proposal',
  'endorse_proposal',
  'create_debate',
  'comment',
] as const;
export const participantActionSchema = z.enum(participantActions);
export type ParticipantAction = z.infer<typeof participantActionSchema>;

/**
 * The participation settings of a process, whatever its phase. `0` means "no limit" for the
 * quota, the threshold and the proposal limit.
 */
export const participationSettingsSchema = z
  .strictObject({
    /** Supports a person may give in the process (0: no limit). */
    supportQuota: z.number().int().min(0).max(1000).default(0),
    /** Supports a person must give before any of theirs count (0: they count at once). */
    minimumSupportsPerPerson: z.number().int().min(0).max(1000).default(0),
    /** Supports a proposal needs to pass (0: no threshold). */
    supportThreshold: z.number().int().min(0).max(10_000_000).default(0),
    /** Whether a proposal that reached the threshold may take more supports. */
    supportsBeyondThreshold: z.boolean().default(true),
    /** Proposals a person may publish in the process (0: no limit). */
    proposalLimit: z.number().int().min(0).max(1000).default(0),
    /** How long after publishing the author may still edit a proposal. */
    editWindowMinutes: z.number().int().min(0).max(525_600).default(5),
    /** Proposals carry an address and coordinates. */
    geolocationEnabled: z.boolean().default(false),
    /** Accepted answers state a cost, a cost report and an execution period. */
    answersWithCosts: z.boolean().default(false),
    /**
     * The verification an action requires, in the process's territory (or a parent one), e.g.
     * `{ "support_proposal": "residency" }`.
     */
    requiredVerifications: z.partialRecord(participantActionSchema, verificationKindSchema).default({}),
  })
  .refine((s) => s.supportQuota === 0 || s.minimumSupportsPerPerson <= s.supportQuota, {
    message: 'cannot exceed the support quota',
    path: ['minimumSupportsPerPerson'],
  });
export type ParticipationSettings = z.infer<typeof participationSettingsSchema>;
export type ParticipationSettingsInput = z.input<typeof participationSettingsSchema>;

/** The settings of a process that sets none. */
export const defaultParticipationSettings: ParticipationSettings = participationSettingsSchema.parse({});
/** The rules of a phase that opens nothing. */
export const closedPhaseRules: PhaseRules = phaseRulesSchema.parse({});
