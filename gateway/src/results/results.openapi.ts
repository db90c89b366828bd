import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  campaignResultsSchema,
  DIVERGENCE_THRESHOLD,
  OPEN_DATA_MIN_SUBJECTS,
  openDataCampaignSchema,
  openDataCampaignsQuerySchema,
  openDataResultsCsvColumns,
  openDataResultsSchema,
  pageSchema,
  subjectResultsSchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerResults(registry: OpenAPIRegistry): void {
  const SubjectResults = subjectResultsSchema.meta({ id: 'SubjectResults' });
  const CampaignResults = campaignResultsSchema.meta({ id: 'CampaignResults' });
  const OpenDataCampaign = openDataCampaignSchema.meta({ id: 'OpenDataCampaign' });
  const OpenDataResults = openDataResultsSchema.meta({ id: 'OpenDataResults' });

  const id = z.uuid().meta({ description: 'Campaign id (UUIDv7)' });
  const subjectId = z.uuid().meta({ description: 'Subject id (UUIDv7)' });
  const scores =
    'Every answer is read as a score from 0 to 100: a level by its place on the scale (lowest 0, highest 100), ' +
    'yes 100 and no 0, a quantity against its target (`min(value / target, 1)`; lower is better: 100 up to the ' +
    'target, then down to 0 at twice the target); a quantity without a target and a narrative have none. A ' +
    'criterion’s score is the mean of its indicators’, a dimension’s the mean of its criteria’s; peers’ and ' +
    'stakeholders’ figures are the medians of each one’s. Drafts never count.';
  // Signed in or not: what one reads depends on who one is.
  const security: Record<string, string[]>[] = [{ bearer: [] }, {}];
  const tags = ['results'];
  const openDataTags = ['open data'];
  const suppression =
    `No subject is identifiable: a median and a distribution are given only when at least ${OPEN_DATA_MIN_SUBJECTS} ` +
    `subjects contribute to the cell and, among them, none or at least ${OPEN_DATA_MIN_SUBJECTS} are not among ` +
    'those named (`suppressed: true` and `null` otherwise). Subjects that agreed to be shown are listed by name ' +
    'with their scores. The committee’s opinion is never in open data.';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/subjects/{subjectId}/results',
    tags,
    summary: 'One subject’s results: self, peers, stakeholders and committee side by side (regards croisés)',
    description:
      `${scores} \`divergence\` flags a criterion where self and peers are more than ${DIVERGENCE_THRESHOLD} points ` +
      'apart. Narratives and evidence per criterion (a peer by name; stakeholders are never identifiable), the ' +
      'committee’s recommendations, the scores of the previous campaign of the lineage (by criterion stable id) and ' +
      'the progress actions planned then with their status now. For the subject’s members, its assigned peers, the ' +
      'committee, coordinators and platform admins; 404 for anyone else.',
    security,
    request: { params: z.object({ id, subjectId }) },
    responses: { 200: json('The subject’s results', SubjectResults), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/results',
    tags,
    summary: 'A campaign’s results across subjects: per criterion, medians and distributions, and a heat map',
    description:
      `${scores} Per criterion and perspective: how many subjects have a score, their median, their distribution in ` +
      'fifths (0–20, 20–40, 40–60, 60–80, 80–100), and the previous campaign’s median (peers’, else self). ' +
      'Coordinators, the committee and platform admins see every subject named; members of a subject and assigned ' +
      'peers (and, once closed, anyone) see their own subject and those that agreed to be shown named, the others ' +
      'as `Structure 1…n`, ordered by their scores. A draft campaign: 404 but to its coordinators; otherwise 401 ' +
      'anonymous, 403 for someone with no part in an unclosed campaign.',
    security,
    request: { params: z.object({ id }) },
    responses: { 200: json('The campaign’s results', CampaignResults), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/open-data/campaigns',
    tags: openDataTags,
    summary: 'Closed campaigns, as open data (anyone)',
    request: { query: openDataCampaignsQuerySchema },
    responses: {
      200: json('A page of closed campaigns, last closed first', pageSchema(OpenDataCampaign)),
      ...problems(400, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/open-data/campaigns/{id}/results.json',
    tags: openDataTags,
    summary: 'A closed campaign’s aggregated results, as JSON (anyone)',
    description: `${scores} ${suppression} Per indicator: the median of the subjects’ raw values. 404 unless closed.`,
    request: { params: z.object({ id }) },
    responses: { 200: json('The aggregated results', OpenDataResults), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/open-data/campaigns/{id}/results.csv',
    tags: openDataTags,
    summary: 'A closed campaign’s aggregated results, as CSV (`;`, UTF-8 with BOM, CRLF; anyone)',
    description:
      `One row per criterion and perspective (\`self\`, \`peer\`, \`stakeholder\`), columns: ` +
      `${openDataResultsCsvColumns.map((c) => `\`${c}\``).join(', ')}. \`fifth_*\`: how many subjects score in ` +
      `that range. ${suppression} Texts a spreadsheet would run as a formula start with \`'\`. 404 unless closed.`,
    request: { params: z.object({ id }) },
    responses: {
      200: { description: 'The CSV file (attachment)', content: { 'text/csv': { schema: z.string() } } },
      ...problems(400, 404, 503),
    },
  });
}
