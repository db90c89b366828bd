import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  assessmentListQuerySchema,
  assessmentSchema,
  assessmentSummarySchema,
  missingAnswerSchema,
  pageSchema,
  saveAnswersBodySchema,
  startAssessmentBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerAssessments(registry: OpenAPIRegistry): void {
  const Assessment = assessmentSchema.meta({ id: 'Assessment' });
  const AssessmentSummary = assessmentSummarySchema.meta({ id: 'AssessmentSummary' });
  const MissingAnswer = missingAnswerSchema.meta({ id: 'MissingAnswer' });

  const campaignId = z.uuid().meta({ description: 'Campaign id (UUIDv7)' });
  const assessmentId = z.uuid().meta({ description: 'Assessment id (UUIDv7)' });
  const byAssessment = { params: z.object({ id: assessmentId }) };
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const tags = ['assessments'];
  const security = [{ bearer: [] }];
  const readers =
    'A subject’s assessments are read by its members, its assigned peers, the committee, the coordinators and ' +
    'platform admins; for anyone else they do not exist (404).';
  const writers =
    'Written by their writers only: any member of the subject’s organisation (self), the assigned peer (their ' +
    'own), any member of the committee (committee); 403 `forbidden` for other readers. Self and peer assessments ' +
    'are written while the campaign is `open`, the committee’s while `open` or `review`; otherwise 409 ' +
    '`campaign_state` with `details.status`. A submitted assessment is frozen (409 `assessment_submitted`).';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/campaigns/{id}/assessments',
    tags,
    summary: 'The campaign’s assessments of the subjects the caller reads (without their answers)',
    description:
      `${readers} Coordinators, the committee and platform admins see all. Filters: \`subjectId\`, \`kind\` ` +
      '(`self`, `peer`, `committee`), `status` (`draft`, `submitted`). Sorts: `subject` (by name, then kind; ' +
      'default), `recent`.',
    security,
    request: { params: z.object({ id: campaignId }), query: assessmentListQuerySchema.omit({ campaignId: true }) },
    responses: { 200: json('A page of assessments', pageSchema(AssessmentSummary)), ...problems(400, 401, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/campaigns/{id}/assessments',
    tags,
    summary: 'Start the caller’s assessment of a subject, or find it',
    description:
      'Self and committee assessments are one per subject, shared by their writers; each assigned peer has their ' +
      `own. 201 when created, 200 with the one there is (whatever the campaign’s state). ${writers}`,
    security,
    request: { params: z.object({ id: campaignId }), ...jsonBody(startAssessmentBodySchema) },
    responses: {
      200: json('The assessment there was', Assessment),
      201: json('The new draft', Assessment),
      ...problems(400, 401, 403, 404, 409, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/assessments/{id}',
    tags,
    summary: 'An assessment with its answers, in the framework’s order',
    description: `${readers} Yes/no values read as 1 / 0.`,
    security,
    request: byAssessment,
    responses: { 200: json('The assessment', Assessment), ...problems(400, 401, 404, 503) },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/assessments/{id}/answers',
    tags,
    summary: 'Save answers into a draft: only the criteria given change',
    description:
      'Per criterion: `narrative` (the story, récit; `null` or empty clears it), `evidence` (the whole list, ' +
      'replaced; only where the criterion allows evidence), `values` (a number for a quantitative indicator, a ' +
      'level’s value for a level scale, `true`/`false` for yes/no, `null` to clear; none for a narrative ' +
      'indicator). Every answer is checked against the campaign’s framework version first: 400 ' +
      '`validation_failed` names each problem by its path (`answers.2.values.0.value`) and nothing is saved. ' +
      `\`recommendations\` is the committee’s only. ${writers}`,
    security,
    request: { ...byAssessment, ...jsonBody(saveAnswersBodySchema) },
    responses: { 200: json('The assessment', Assessment), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/assessments/{id}/submit',
    tags,
    summary: 'Submit a complete draft: frozen from now on',
    description:
      'Complete means: every indicator but narrative ones valued, and a narrative for each criterion that asks ' +
      'for one or has a narrative indicator; otherwise 422 `assessment_incomplete` with `details.missing`. Of ' +
      `two submits at once, one wins; the other gets 409 \`assessment_submitted\`. ${writers}`,
    security,
    request: byAssessment,
    responses: {
      200: json('The submitted assessment', Assessment),
      422: {
        description: 'Incomplete (`assessment_incomplete`): `details.missing` lists what is missing',
        content: {
          'application/problem+json': {
            schema: z.object({
              code: z.literal('assessment_incomplete'),
              details: z.object({ missing: z.array(MissingAnswer) }),
            }),
          },
        },
      },
      ...problems(400, 401, 403, 404, 409, 503),
    },
  });
}
