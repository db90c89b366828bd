import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  addCampaignPersonRequestSchema,
  addSubjectRequestSchema,
  assignPeerRequestSchema,
  campaignIdSchema,
  campaignListQuerySchema,
  campaignPeopleRequestSchema,
  campaignPersonListSchema,
  campaignPersonSchema,
  campaignRemovalSchema,
  campaignSchema,
  campaignTransitionRequestSchema,
  createCampaignRequestSchema,
  peerAssignmentSchema,
  peerListSchema,
  removeCampaignPersonRequestSchema,
  subjectConsentRequestSchema,
  subjectListQuerySchema,
  subjectPeersRequestSchema,
  subjectRefSchema,
  subjectSchema,
  unassignPeerRequestSchema,
  updateCampaignRequestSchema,
} from './campaign';

/**
 * Messages of the evaluations service about campaigns, their people, subjects and peers. A
 * campaign's coordinators (and platform admins) set it up and move it through its states; a
 * subject is read only by its members, its assigned peers, the committee and the coordinators.
 */
export const campaignMessages = {
  /** Platform admins and the lineage's editors, on an adopted version; the creator coordinates it. */
  'evaluations.campaign.create': { request: createCampaignRequestSchema, response: campaignSchema },
  /** Non-draft campaigns for anyone; drafts for their coordinators and platform admins. */
  'evaluations.campaign.list': { request: campaignListQuerySchema, response: pageSchema(campaignSchema) },
  'evaluations.campaign.get': { request: campaignIdSchema, response: campaignSchema },
  /** Coordinators; nothing changes once closed (409 `campaign_state`). */
  'evaluations.campaign.update': { request: updateCampaignRequestSchema, response: campaignSchema },
  /** Coordinators: draft → open (with a subject at least) → review → closed; announces the change. */
  'evaluations.campaign.transition': { request: campaignTransitionRequestSchema, response: campaignSchema },
  /** Anyone taking part: coordinators, committee, platform admins, subjects' members, assigned peers. */
  'evaluations.campaignPerson.list': { request: campaignPeopleRequestSchema, response: campaignPersonListSchema },
  /** Coordinators name a coordinator or a committee member (who must exist). */
  'evaluations.campaignPerson.add': { request: addCampaignPersonRequestSchema, response: campaignPersonSchema },
  /** Coordinators; never the last coordinator (409 `conflict`). */
  'evaluations.campaignPerson.remove': { request: removeCampaignPersonRequestSchema, response: campaignRemovalSchema },
  /** Coordinators add a known organisation, while draft or open. */
  'evaluations.subject.add': { request: addSubjectRequestSchema, response: subjectSchema },
  /** Coordinators, while draft. */
  'evaluations.subject.remove': { request: subjectRefSchema, response: campaignRemovalSchema },
  /** The subjects the caller may read: all for those who oversee, one's own and one's visits otherwise. */
  'evaluations.subject.list': { request: subjectListQuerySchema, response: pageSchema(subjectSchema) },
  'evaluations.subject.get': { request: subjectRefSchema, response: subjectSchema },
  /** The organisation's admins or the coordinators: may the subject be named in the results? */
  'evaluations.subject.consent': { request: subjectConsentRequestSchema, response: subjectSchema },
  /** Coordinators, while draft or open; never a member of the subject's organisation (422 `own_organization`). */
  'evaluations.peer.assign': { request: assignPeerRequestSchema, response: peerAssignmentSchema },
  /** Coordinators, while draft or open; not once the peer submitted (409 `assessment_submitted`). */
  'evaluations.peer.unassign': { request: unassignPeerRequestSchema, response: campaignRemovalSchema },
  /** Coordinators, committee, platform admins and the subject's members. */
  'evaluations.peer.list': { request: subjectPeersRequestSchema, response: peerListSchema },
} as const satisfies Record<string, MessageContract>;
