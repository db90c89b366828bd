import { z } from 'zod';
import { localeSchema } from '../actor';
import { listQuerySchema } from '../pagination';

/** A nickname: 3 to 30 lowercase letters, digits, `_` or `-`; unique on the platform. */
export const NICKNAME_PATTERN = /^[a-z0-9_-]{3,30}$/;
export const nicknameSchema = z
  .string()
  .min(3)
  .max(30)
  .regex(NICKNAME_PATTERN, 'lowercase letters, digits, "_" and "-" only');

export const profileVisibilitySchema = z.enum(['public', 'private']);
export type ProfileVisibility = z.infer<typeof profileVisibilitySchema>;

export const displayNameSchema = z.string().trim().min(1).max(100);
export const bioSchema = z.string().trim().max(1000);

/** A person as any signed-in caller may know them. */
export const personSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  nickname: nicknameSchema,
  displayName: z.string(),
  locale: localeSchema,
  bio: z.string().nullable(),
  /** The territory of residence (a territory of `processes`), if the person gave one. */
  territoryId: z.uuid().nullable(),
  profileVisibility: profileVisibilitySchema,
  roles: z.array(z.string()),
  blocked: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Person = z.infer<typeof personSchema>;

/** The signed-in person as they see themself: their profile plus what only they may read. */
export const mePersonSchema = personSchema.extend({
  subject: z.string(),
  email: z.string().nullable(),
});
export type MePerson = z.infer<typeof mePersonSchema>;

/** A person as platform administrators see them in the back office, block state included. */
export const adminPersonSchema = mePersonSchema.extend({
  blockedAt: z.iso.datetime({ offset: true }).nullable(),
  blockReason: z.string().nullable(),
  blockedBy: z.uuid().nullable(),
  proposalsCount: z.number().int().min(0),
  lastSeenAt: z.iso.datetime({ offset: true }),
});
export type AdminPerson = z.infer<typeof adminPersonSchema>;

/** An organisation a person belongs to, as shown on their public profile. */
export const profileOrganizationSchema = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

/** What anybody sees of a person who chose a public profile. */
export const publicProfileSchema = z.object({
  nickname: nicknameSchema,
  displayName: z.string(),
  bio: z.string().nullable(),
  locale: localeSchema,
  /** The territory of residence, shown on public profiles only. */
  territoryId: z.uuid().nullable(),
  private: z.literal(false),
  organizations: z.array(profileOrganizationSchema),
  proposalsCount: z.number().int().min(0),
});
/** What anybody sees of a person who chose a private profile. */
export const privateProfileSchema = z.object({
  nickname: nicknameSchema,
  displayName: z.string(),
  private: z.literal(true),
});
export const publicPersonSchema = z.discriminatedUnion('private', [publicProfileSchema, privateProfileSchema]);
export type PublicPerson = z.infer<typeof publicPersonSchema>;

/** Sent by the gateway on every sight of a verified token: find the person, or register them. */
export const ensurePersonRequestSchema = z.object({
  subject: z.string().min(1).max(255),
  username: z.string().min(1).max(255),
  email: z.string().max(320).nullable(),
  displayName: z.string().max(255).nullable(),
  roles: z.array(z.string().max(100)).max(100),
  locale: localeSchema,
});
export type EnsurePersonRequest = z.infer<typeof ensurePersonRequestSchema>;

export const getPersonRequestSchema = z.object({ id: z.uuid() });

/** What a person may change of their own profile (`PATCH /me`); anything else is refused. */
export const updatePersonRequestSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  nickname: nicknameSchema.optional(),
  locale: localeSchema.optional(),
  bio: bioSchema.nullable().optional(),
  profileVisibility: profileVisibilitySchema.optional(),
  /** The territory of residence (it must exist in `processes`); `null` clears it. */
  territoryId: z.uuid().nullable().optional(),
});
export type UpdatePersonRequest = z.input<typeof updatePersonRequestSchema>;

/** A public profile, by nickname (any case). */
export const personProfileRequestSchema = z.object({ nickname: z.string().min(1).max(100) });

export const personSorts = [
  'recent',
  'createdAt',
  '-createdAt',
  'nickname',
  '-nickname',
  'displayName',
  '-displayName',
] as const;
export const personListQuerySchema = listQuerySchema(personSorts, 'recent').extend({
  q: z.string().trim().min(1).max(200).optional(),
  blocked: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')])
    .optional()
    .meta({ description: 'Only blocked (true) or only unblocked (false) people' }),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const blockReasonSchema = z.string().trim().min(10).max(1000);
export const blockPersonRequestSchema = z.strictObject({
  id: z.uuid(),
  reason: blockReasonSchema,
  /** Hide everything they wrote too (debates, comments, proposals); unblocking shows it again. */
  hideContent: z.boolean().default(false),
});
export const blockPersonBodySchema = blockPersonRequestSchema.omit({ id: true });
export const unblockPersonRequestSchema = z.strictObject({ id: z.uuid() });

export const personRegisteredSchema = z.object({
  personId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
});

export const personUpdatedSchema = z.object({
  personId: z.uuid(),
  nickname: nicknameSchema,
  displayName: z.string(),
  locale: localeSchema,
  profileVisibility: profileVisibilitySchema,
  /** The profile fields this change touched. */
  changed: z.array(z.enum(['displayName', 'nickname', 'locale', 'bio', 'profileVisibility', 'territoryId'])),
});

/** For services: which of these people exist (deleted accounts do not). */
export const personExistsRequestSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });
export const personExistsSchema = z.object({ existing: z.array(z.uuid()) });
export type PersonExistence = z.infer<typeof personExistsSchema>;

/** For services naming people by nickname: who one names, whatever its case (404 for nobody). */
export const personByNicknameRequestSchema = z.strictObject({ nickname: z.string().trim().min(1).max(100) });
export const personByNicknameSchema = z.object({ id: z.uuid(), displayName: z.string() });
export type PersonByNickname = z.infer<typeof personByNicknameSchema>;

export const personBlockedSchema = z.object({
  personId: z.uuid(),
  reason: z.string(),
  /** Whether their content is hidden with the block (absent in events written before it existed). */
  hideContent: z.boolean().default(false),
});
export const personUnblockedSchema = z.object({ personId: z.uuid() });
