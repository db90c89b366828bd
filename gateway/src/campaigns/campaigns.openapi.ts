import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  addCampaignPersonBodySchema,
  addSubjectBodySchema,
  assignPeerBodySchema,
  campaignListQuerySchema,
  campaignPersonSchema,
  campaignRoleSchema,
  campaignSchema,
  campaignTransitionBodySchema,
  createCampaignBodySchema,
  pageSchema,
  peerAssignmentSchema,
  subjectConsentBodySchema,
  subjectListQuerySchema,
  subjectSchema,
  updateCampaignBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerCampaigns(registry: OpenAPIRegistry): void {
  const Campaign = campaignSchema.meta({ id: 'Campaign' });
  const CampaignPerson = campaignPersonSchema.meta({ id: 'CampaignPerson' });
  const Subject = subjectSchema.meta({ id: 'Subject' });
  const PeerAssignment = peerAssignmentSchema.meta({ id: 'PeerAssignment' });

  const id = z.uuid().meta({ description: 'Campaign id (UUIDv7)' });
  const subjectId = z.uuid().meta({ description: 'Subject id (UUIDv7)' });
  const personId = z.uuid();
  const byId = { params: z.object({ id }) };
  const bySubject = { params: z.object({ id, subjectId }) };
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const tags = ['campaigns'];
  const security = [{ bearer: [] }];
  const coordinators =
    'For the campaign’s coordinators and platform admins (401 anonymous, 403 `forbidden` otherwise; a draft ' +
    'campaign they may not see is a 404).';
  const settingUp = 'Only while the campaign is draft or open: 409 `campaign_state` otherwise (`details.status`).';
  const subjectReaders =
    'A subject is read by its organisation’s members, its assigned peers, the committee, the coordinators and ' +
    'platform admins; for anyone else it does not exist (404).';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns',
    tags,
    summary: 'Campaigns: all but drafts for anyone, drafts too for their coordinators and platform admins',
    description:
      'Filters: `status` (`draft`, `open`, `review`, `closed`), `mine=true` (only the campaigns the caller ' +
      'coordinates, sits on the committee of, is assessed in through their organisation, or visits as a peer). ' +
      'Sorts: `recent` (default), `title` (French), `starts` (start date, earliest first). Each campaign tells ' +
      '`myRoles`: who the caller is to it.',
    request: { query: campaignListQuerySchema },
    responses: { 200: json('A page of campaigns', pageSchema(Campaign)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns',
    tags,
    summary: 'Start a campaign on an adopted framework version (platform admins and the framework’s editors)',
    description:
      'Texts are `{ fr, en? }`: French required. `startsOn` and `endsOn` are ISO dates, `endsOn` on or after ' +
      '`startsOn`. A draft version, or one the caller may not see, is a 400 on `frameworkId`. The campaign starts ' +
      'as a draft, follows the lineage’s campaign closed last (`previousCampaignId`), and its creator is its first ' +
      'coordinator. A retry with the same `Idempotency-Key` answers the first campaign.',
    security,
    request: {
      ...jsonBody(createCampaignBodySchema),
      headers: z.object({ 'Idempotency-Key': z.string().max(200).optional() }),
    },
    responses: { 201: json('The campaign', Campaign), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}',
    tags,
    summary: 'A campaign',
    description: 'A draft is seen by its coordinators and platform admins only (404 otherwise).',
    request: byId,
    responses: { 200: json('The campaign', Campaign), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/campaigns/{id}',
    tags,
    summary: 'Retitle, describe, change the period or the criteria asked of stakeholders',
    description:
      `${coordinators} A closed campaign changes no more (409 \`campaign_state\`); the period and ` +
      '`stakeholderCriteria` change only while draft or open. `stakeholderCriteria` are criterion ids of the ' +
      'campaign’s version with a level scale or a yes/no indicator at least (400 on the faulty item otherwise).',
    security,
    request: { ...byId, ...jsonBody(updateCampaignBodySchema) },
    responses: { 200: json('The campaign', Campaign), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns/{id}/transitions',
    tags,
    summary: 'Move a campaign one state forward: draft → open → review → closed',
    description:
      `${coordinators} Opening needs a subject at least (400 \`validation_failed\`); any other move is a 409 ` +
      '`campaign_state` with `details.status` and `details.to`. Closing drops where the stakeholders’ responses ' +
      'came from (kept only against stuffing). Announces `evaluations.campaign.stateChanged`.',
    security,
    request: { ...byId, ...jsonBody(campaignTransitionBodySchema) },
    responses: { 200: json('The campaign', Campaign), ...problems(400, 401, 403, 404, 409, 503) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/people',
    tags,
    summary: 'Who runs a campaign: its coordinators and its committee (commission mixte)',
    description:
      'For everyone taking part: coordinators, committee, platform admins, members of a subject’s organisation, ' +
      'assigned peers (403 otherwise).',
    security,
    request: byId,
    responses: {
      200: json('The people', z.object({ data: z.array(CampaignPerson) })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns/{id}/people',
    tags,
    summary: 'Name a coordinator or a committee member',
    description:
      `${coordinators} The person, named by \`personId\` or by \`nickname\` (exactly one), must have an account ` +
      '(400 on that field, `No such person.`); holding the role already is a 409 ' +
      '`conflict`; a closed campaign names no one (409 `campaign_state`).',
    security,
    request: { ...byId, ...jsonBody(addCampaignPersonBodySchema) },
    responses: { 201: json('The person named', CampaignPerson), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/campaigns/{id}/people/{personId}',
    tags,
    summary: 'Take a role back from a person',
    description: `${coordinators} The last coordinator stays (409 \`conflict\`). 204 also when the person did not hold the role.`,
    security,
    request: { params: z.object({ id, personId }), query: z.object({ role: campaignRoleSchema }) },
    responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404, 409, 503) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/subjects',
    tags,
    summary: 'The subjects (organisations assessed) the caller may read',
    description:
      `${subjectReaders} Coordinators, committee and platform admins see all of them; members their own ` +
      'organisation’s; peers the ones they visit; anyone else an empty page. Sorts: `name` (default), `recent`. ' +
      '`peers` is told to those who oversee the campaign and to the subject’s members (else `null`); `progress` ' +
      'says where the self, peer and committee assessments stand.',
    request: { ...byId, query: subjectListQuerySchema.omit({ campaignId: true }) },
    responses: { 200: json('A page of subjects', pageSchema(Subject)), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns/{id}/subjects',
    tags,
    summary: 'Add a member organisation as a subject',
    description:
      `${coordinators} ${settingUp} An organisation unknown to the network is a 400 on \`organizationId\`; ` +
      'adding it twice is a 409 `conflict`.',
    security,
    request: { ...byId, ...jsonBody(addSubjectBodySchema) },
    responses: { 201: json('The subject', Subject), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}',
    tags,
    summary: 'A subject, with where its assessments stand',
    description: subjectReaders,
    request: bySubject,
    responses: { 200: json('The subject', Subject), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}',
    tags,
    summary: 'Say whether the subject is named in the campaign’s results and open data',
    description:
      'For the organisation’s admins and the campaign’s coordinators (403 otherwise), in any state; ' +
      '`shownInResults: false` withdraws the consent. Not named, a subject is shown as `Structure 1`, `Structure 2`…',
    security,
    request: { ...bySubject, ...jsonBody(subjectConsentBodySchema) },
    responses: { 200: json('The subject', Subject), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}',
    tags,
    summary: 'Take a subject out of a draft campaign, with its peers',
    description: `${coordinators} Only while the campaign is a draft (409 \`campaign_state\` otherwise).`,
    security,
    request: bySubject,
    responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404, 409, 503) },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}/peers',
    tags,
    summary: 'The peers assigned to visit a subject',
    description: 'For coordinators, the committee, platform admins and the subject’s members (403 for its peers).',
    security,
    request: bySubject,
    responses: {
      200: json('The peers', z.object({ data: z.array(PeerAssignment) })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}/peers',
    tags,
    summary: 'Assign a peer to visit a subject (visite de pairs)',
    description:
      `${coordinators} ${settingUp} The person, named by \`personId\` or by \`nickname\` (exactly one), must ` +
      'have an account (400 on that field) and not be a member ' +
      'of the subject’s organisation (422 `own_organization`); assigning twice is a 409 `conflict`.',
    security,
    request: { ...bySubject, ...jsonBody(assignPeerBodySchema) },
    responses: { 201: json('The assignment', PeerAssignment), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}/peers/{personId}',
    tags,
    summary: 'Unassign a peer, with their draft assessment',
    description:
      `${coordinators} ${settingUp} A peer who submitted their assessment stays (409 \`assessment_submitted\`). ` +
      '204 also when the person was not assigned.',
    security,
    request: { params: z.object({ id, subjectId, personId }) },
    responses: { 204: { description: 'Unassigned' }, ...problems(400, 401, 403, 404, 409, 503) },
  });
}
