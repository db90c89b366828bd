import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  frameworkValuationListSchema,
  frameworkValuationSchema,
  missingAnswerSchema,
  processValuationFrameworkSchema,
  saveAnswersBodySchema,
  setValuationFrameworkBodySchema,
  valuationFrameworkChoiceSchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerFrameworkValuations(registry: OpenAPIRegistry): void {
  const FrameworkValuation = frameworkValuationSchema.meta({ id: 'FrameworkValuation' });
  const ProcessValuationFramework = processValuationFrameworkSchema.meta({ id: 'ProcessValuationFramework' });

  const byProcess = { params: z.object({ id: z.uuid().meta({ description: 'Process id (UUIDv7)' }) }) };
  const byProposal = { params: z.object({ id: z.uuid().meta({ description: 'Proposal id (UUIDv7)' }) }) };
  const byValuation = { params: z.object({ id: z.uuid().meta({ description: 'Valuation id (UUIDv7)' }) }) };
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const tags = ['valuations'];
  const security = [{ bearer: [] }];
  const writers =
    'Written by its valuator only, while assigned to the proposal (403 `forbidden` otherwise, the process’s ' +
    'admins included: they read valuations); a submitted valuation is frozen (409 `assessment_submitted`).';
  const scores =
    '`scores` gives each criterion a score from 0 to 100, the mean of its valued indicators that score: a level ' +
    'by its place between the lowest and highest values of its scale, yes 100 and no 0, a quantity against its ' +
    'target (none without one); `null` where nothing scores.';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/valuation-framework',
    tags,
    summary: 'The framework the process’s valuators assess proposals with, and its tree',
    description:
      'For whoever sees the process: the criteria valuators use are no secret. `framework` is `null` while ' +
      'none is chosen.',
    request: byProcess,
    responses: {
      200: json('The process’s valuation framework', ProcessValuationFramework),
      ...problems(400, 401, 403, 404, 422, 503),
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/processes/{id}/valuation-framework',
    tags,
    summary: 'Choose the framework the process’s valuators assess proposals with (process admins)',
    description:
      'For the process’s admins and platform admins (403 `role_required` otherwise). `frameworkId` is an adopted ' +
      'version (400 on `frameworkId` for an unknown one or a draft). Once a valuation is submitted the framework ' +
      'is kept (409 `conflict`, `details.submittedValuations`); until then, the drafts begun on the previous ' +
      'framework are dropped with it (`discardedDrafts`). Choosing the same version again changes nothing.',
    security,
    request: { ...byProcess, ...jsonBody(setValuationFrameworkBodySchema) },
    responses: {
      200: json('The process’s valuation framework', valuationFrameworkChoiceSchema),
      ...problems(400, 401, 403, 404, 409, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals/{id}/valuations',
    tags,
    summary: 'A proposal’s valuations: every valuator’s for the process’s admins, their own for a valuator',
    description: `With their answers, the valuator’s name and summary (\`recommendations\`), drafts included. ${scores}`,
    security,
    request: byProposal,
    responses: { 200: json('The valuations', frameworkValuationListSchema), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/valuations',
    tags,
    summary: 'Start the caller’s valuation of a proposal assigned to them, or find it',
    description:
      'For a valuator assigned to the proposal (403 otherwise), one valuation per valuator and proposal: 201 ' +
      'when created, 200 with the one there is. 422 when the process has no valuation framework yet; 409 ' +
      '`proposal_withdrawn` for a withdrawn proposal.',
    security,
    request: byProposal,
    responses: {
      200: json('The valuation there was', FrameworkValuation),
      201: json('The new draft', FrameworkValuation),
      ...problems(401, 403, 404, 409, 422, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposal-valuations/{id}',
    tags,
    summary: 'A valuation with its answers and scores',
    description: `For its valuator and the process’s admins; for anyone else it does not exist (404). ${scores}`,
    security,
    request: byValuation,
    responses: { 200: json('The valuation', FrameworkValuation), ...problems(400, 401, 404, 503) },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/proposal-valuations/{id}/answers',
    tags,
    summary: 'Save answers into a draft valuation: only the criteria given change',
    description:
      'As for assessments: per criterion `narrative`, `evidence`, `values`, each checked against the framework ' +
      'version first (400 `validation_failed` names each problem by its path and nothing is saved). ' +
      `\`recommendations\` is the valuator’s summary (\`null\` clears it). ${writers}`,
    security,
    request: { ...byValuation, ...jsonBody(saveAnswersBodySchema) },
    responses: { 200: json('The valuation', FrameworkValuation), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposal-valuations/{id}/submit',
    tags,
    summary: 'Submit a complete valuation: frozen from now on, shown to the process’s admins as final',
    description:
      'Complete means: every indicator but narrative ones valued, and a narrative for each criterion that asks ' +
      `for one; otherwise 422 \`assessment_incomplete\` with \`details.missing\`. ${writers}`,
    security,
    request: byValuation,
    responses: {
      200: json('The submitted valuation', FrameworkValuation),
      422: {
        description: 'Incomplete (`assessment_incomplete`): `details.missing` lists what is missing',
        content: {
          'application/problem+json': {
            schema: z.object({
              code: z.literal('assessment_incomplete'),
              details: z.object({ missing: z.array(missingAnswerSchema) }),
            }),
          },
        },
      },
      ...problems(400, 401, 403, 404, 409, 503),
    },
  });
}
