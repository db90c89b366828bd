import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  STAKEHOLDER_LIMITS,
  STAKEHOLDER_WINDOW_HOURS,
  stakeholderQuestionnaireQuerySchema,
  stakeholderQuestionnaireSchema,
  stakeholderReceiptSchema,
  stakeholderResponseBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';
import { STAKEHOLDER_RESPONSES_PER_MINUTE } from './stakeholders.controller';

export function registerStakeholders(registry: OpenAPIRegistry): void {
  const Questionnaire = stakeholderQuestionnaireSchema.meta({ id: 'StakeholderQuestionnaire' });
  const Receipt = stakeholderReceiptSchema.meta({ id: 'StakeholderReceipt' });
  const params = z.object({ id: z.uuid().meta({ description: 'Campaign id (UUIDv7)' }) });
  const tags = ['stakeholders'];
  const state =
    'Only while the campaign is open: 409 `campaign_state` (with `details.status`) in review or closed; a draft ' +
    'does not exist (404).';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/stakeholder-questionnaire',
    tags,
    summary: 'The public questionnaire of a campaign (regards des parties prenantes), for anyone',
    description:
      `${state} Without \`subjectId\`: the campaign and its subjects to choose from (\`criteria\` empty). With it: ` +
      'that subject and, for each criterion the coordinators chose, its level scales (with each level’s label ' +
      'and descriptor) and yes/no indicators; quantities and narratives are not asked of the public. 404 when the ' +
      'subject is not one of the campaign’s.',
    request: { params, query: stakeholderQuestionnaireQuerySchema },
    responses: { 200: json('The questionnaire', Questionnaire), ...problems(400, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns/{id}/stakeholder-questionnaire/responses',
    tags,
    summary: 'Answer the questionnaire about one subject, anonymously',
    description:
      `${state} Nothing of who answers is kept, even when signed in: no person, no address — only a keyed hash ` +
      'of the address, for the limits against stuffing, dropped when the campaign closes. Each answer is a ' +
      'question of the questionnaire, once: a level’s `value` for a level scale, `true` / `false` for a yes/no; ' +
      'otherwise 400 with the field (`answers.2.value`). At most ' +
      `${STAKEHOLDER_LIMITS.perSubject} responses per subject and ${STAKEHOLDER_LIMITS.perCampaign} per ` +
      `campaign from one address in ${STAKEHOLDER_WINDOW_HOURS} hours, and ${STAKEHOLDER_RESPONSES_PER_MINUTE} ` +
      'posts a minute: beyond, 429 `rate_limited` with `Retry-After` (and `details.retryAfterSeconds`), and ' +
      'nothing stored. Responses are never read one by one: they count in the subject’s results.',
    request: {
      params,
      body: { content: { 'application/json': { schema: stakeholderResponseBodySchema } } },
    },
    responses: { 201: json('The response was received', Receipt), ...problems(400, 404, 409, 503) },
  });
}
