import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';
import { frameworkDescriptionInputSchema, frameworkTitleInputSchema } from './framework-tree';

/*
 * Campaigns (campagnes) of participatory evaluation: one adopted framework version over a period,
 * run by its coordinators, for subjects (member organisations) that assess themselves, are
 * visited by peers of other organisations (regards croisés) and heard by a committee (commission
 * mixte). States: `draft` → `open` → `review` → `closed`.
 */

const datetime = z.iso.datetime({ offset: true });
const day = z.iso.date();

/**
 * `draft`: being set up, seen by its coordinators only; `open`: assessments are written;
 * `review`: the committee gives its opinion; `closed`: results are final.
 */
export const campaignStatusSchema = z.enum(['draft', 'open', 'review', 'closed']);
export type CampaignStatusValue = z.infer<typeof campaignStatusSchema>;

/** The people a campaign names: its coordinators, and its committee (commission mixte). */
export const campaignRoleSchema = z.enum(['coordinator', 'committee']);
export type CampaignRoleValue = z.infer<typeof campaignRoleSchema>;

/** Who the caller is to a campaign or a subject: also a member of a subject's organisation, or an assigned peer. */
export const myCampaignRoleSchema = z.enum(['coordinator', 'committee', 'member', 'peer']);
export type MyCampaignRole = z.infer<typeof myCampaignRoleSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  lineageId: z.uuid(),
  frameworkVersion: z.number().int().min(1),
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  status: campaignStatusSchema,
  startsOn: day,
  endsOn: day,
  /** The lineage's campaign closed last before this one was created: where progress is measured from. */
  previousCampaignId: z.uuid().nullable(),
  subjectsCount: z.number().int().min(0),
  /** The criteria (ids in the campaign's version) the stakeholders' questionnaire asks about. */
  stakeholderCriteria: z.array(z.uuid()),
  myRoles: z.array(myCampaignRoleSchema),
  createdBy: z.uuid(),
  createdAt: datetime,
  updatedAt: datetime,
  openedAt: datetime.nullable(),
  reviewAt: datetime.nullable(),
  closedAt: datetime.nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** Platform admins and the framework lineage's editors start a campaign on an adopted version. */
export const createCampaignRequestSchema = z
  .strictObject({
    frameworkId: z.uuid(),
    title: frameworkTitleInputSchema,
    description: frameworkDescriptionInputSchema.nullable().optional(),
    startsOn: day,
    endsOn: day,
  })
  .refine((value) => value.endsOn >= value.startsOn, {
    message: 'The campaign ends on or after the day it starts.',
    path: ['endsOn'],
  });
export const createCampaignBodySchema = createCampaignRequestSchema;

/** Absent fields stay as they are. The period and the stakeholders' criteria change only while draft or open. */
export const updateCampaignBodySchema = z.strictObject({
  title: frameworkTitleInputSchema.optional(),
  description: frameworkDescriptionInputSchema.nullable().optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
  stakeholderCriteria: z.array(z.uuid()).max(100).optional(),
});
export const updateCampaignRequestSchema = updateCampaignBodySchema.extend({ id: z.uuid() });
export const campaignIdSchema = z.strictObject({ id: z.uuid() });

/** `recent`: newest first; `title`: by French title; `starts`: by start date, earliest first. */
export const campaignSorts = ['recent', 'title', 'starts'] as const;
const booleanQuery = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
export const campaignListQuerySchema = listQuerySchema(campaignSorts, 'recent').extend({
  status: campaignStatusSchema.optional(),
  mine: booleanQuery.optional().meta({
    description: 'Only the campaigns the caller coordinates, sits on the committee of, is assessed in, or visits',
  }),
});

export const campaignTransitionBodySchema = z.strictObject({ to: z.enum(['open', 'review', 'closed']) });
export const campaignTransitionRequestSchema = campaignTransitionBodySchema.extend({ id: z.uuid() });

/** Announced when a campaign moves to a new state. */
export const campaignStateChangedSchema = z.object({
  campaignId: z.uuid(),
  status: campaignStatusSchema,
  lineageId: z.uuid(),
});

/** A person named in a campaign, with their name as members last told it. */
export const campaignPersonSchema = z.object({
  campaignId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  role: campaignRoleSchema,
  addedBy: z.uuid(),
  addedAt: datetime,
});
export type CampaignPerson = z.infer<typeof campaignPersonSchema>;
export const campaignPersonListSchema = z.object({ data: z.array(campaignPersonSchema) });

/**
 * Who to name: a person by id or by nickname (what coordinators know of people without the
 * platform admins' directory), exactly one of them, as invitations to organisations do.
 */
export const namedPersonFields = {
  personId: z.uuid().optional(),
  nickname: z.string().trim().min(1).max(100).optional(),
};
/** Whether a request names one person… */
export const namesOnePerson = (value: { personId?: string; nickname?: string }) =>
  (value.personId === undefined) !== (value.nickname === undefined);
/** …and the problem when it does not. */
export const oneNamedPerson = { message: 'give either a nickname or a personId', path: ['nickname'] };

export const addCampaignPersonBodySchema = z
  .strictObject({ ...namedPersonFields, role: campaignRoleSchema })
  .refine(namesOnePerson, oneNamedPerson);
export const addCampaignPersonRequestSchema = z
  .strictObject({ campaignId: z.uuid(), ...namedPersonFields, role: campaignRoleSchema })
  .refine(namesOnePerson, oneNamedPerson);
export const removeCampaignPersonRequestSchema = z.strictObject({
  campaignId: z.uuid(),
  personId: z.uuid(),
  role: campaignRoleSchema,
});
export const campaignPeopleRequestSchema = z.strictObject({ campaignId: z.uuid() });
/** Whether the person held that role until now. */
export const campaignRemovalSchema = z.object({ removed: z.boolean() });

/** Where an assessment of a subject stands: not started, being written, submitted (frozen). */
export const subjectAssessmentProgressSchema = z.enum(['none', 'draft', 'submitted']);

/** An organisation assessed in a campaign. */
export const subjectSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  organizationId: z.uuid(),
  /** The organisation's name as it was added. */
  name: z.string(),
  /** The organisation agreed to be named in the campaign's results and open data. */
  shownInResults: z.boolean(),
  /** Its assigned peers: told to coordinators, the committee, platform admins and the subject's members; else `null`. */
  peers: z.array(z.object({ personId: z.uuid(), name: z.string() })).nullable(),
  myRoles: z.array(myCampaignRoleSchema),
  progress: z.object({
    self: subjectAssessmentProgressSchema,
    peersSubmitted: z.number().int().min(0),
    peersAssigned: z.number().int().min(0),
    committee: subjectAssessmentProgressSchema,
  }),
  addedAt: datetime,
});
export type Subject = z.infer<typeof subjectSchema>;

export const addSubjectBodySchema = z.strictObject({ organizationId: z.uuid() });
export const addSubjectRequestSchema = addSubjectBodySchema.extend({ campaignId: z.uuid() });
/** `campaignId`, when given (as the REST path does), must be the subject's campaign. */
export const subjectRefSchema = z.strictObject({ id: z.uuid(), campaignId: z.uuid().optional() });
export const subjectListQuerySchema = listQuerySchema(['name', 'recent'], 'name').extend({ campaignId: z.uuid() });
export const subjectConsentBodySchema = z.strictObject({ shownInResults: z.boolean() });
export const subjectConsentRequestSchema = subjectConsentBodySchema.extend({
  id: z.uuid(),
  campaignId: z.uuid().optional(),
});

export const assignPeerBodySchema = z.strictObject(namedPersonFields).refine(namesOnePerson, oneNamedPerson);
export const assignPeerRequestSchema = z
  .strictObject({ subjectId: z.uuid(), campaignId: z.uuid().optional(), ...namedPersonFields })
  .refine(namesOnePerson, oneNamedPerson);
export const unassignPeerRequestSchema = z.strictObject({
  subjectId: z.uuid(),
  campaignId: z.uuid().optional(),
  personId: z.uuid(),
});
export const peerAssignmentSchema = z.object({
  subjectId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  assignedBy: z.uuid(),
  assignedAt: datetime,
});
export type PeerAssignment = z.infer<typeof peerAssignmentSchema>;
export const peerListSchema = z.object({ data: z.array(peerAssignmentSchema) });
export const subjectPeersRequestSchema = z.strictObject({ subjectId: z.uuid(), campaignId: z.uuid().optional() });
