import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  answerProposalBodySchema,
  answersImportReportSchema,
  answerStateSchema,
  createAnswerStateBodySchema,
  createOfficialProposalBodySchema,
  importAnswersBodySchema,
  publishedAnswersSchema,
  updateAnswerStateBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerAnswers(registry: OpenAPIRegistry, { Proposal }: Components): void {
  const processId = z.object({ id: z.uuid().meta({ description: 'Process id (UUIDv7)' }) });
  const stateRef = processId.extend({ key: z.string().meta({ description: 'The state key' }) });
  const AnswerState = answerStateSchema.meta({ id: 'AnswerState' });
  const AnswersImportReport = answersImportReportSchema.meta({ id: 'AnswersImportReport' });
  const admins =
    "For the process's admins and platform admins (`answer_proposal`): 403 `role_required` for anybody else.";
  const jsonBody = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

  registry.registerPath({
    method: 'put',
    path: '/api/v1/proposals/{id}/answer',
    tags: ['answers'],
    summary: 'Answer a proposal (or, as its valuator, draft the answer)',
    description:
      `${admins} A valuator assigned to the proposal may draft an answer: it is held until an admin publishes it ` +
      '(403 `forbidden` for a valuator not in charge of it, or asking `publish: true`; 409 `conflict` once the ' +
      'answer is published). `state` is `evaluating`, `accepted`, `rejected` or a state of the process; a rejection ' +
      'needs `body`; where the process has `answersWithCosts`, an acceptance needs `costCents` (integer cents ≥ 0), ' +
      "`costReport` and `executionPeriod` (400 `validation_failed` naming them). An admin's answer is published at " +
      'once with `publish: true`, held with `publish: false`, and by default published when the active phase has ' +
      '`answersPublished`; each publication emits `proposals.answer.published`. Answering again replaces the answer. ' +
      'A withdrawn proposal takes no answer (409 `proposal_withdrawn`). Answers the proposal with its answer, held or not.',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.uuid() }), body: jsonBody(answerProposalBodySchema) },
    responses: { 200: json('The proposal with its answer', Proposal), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/answers/publish',
    tags: ['answers'],
    summary: 'Publish every held answer of a process',
    description: `${admins} Valuators' drafts included; one \`proposals.answer.published\` event per answer.`,
    security: [{ bearer: [] }],
    request: { params: processId },
    responses: { 200: json('How many were published', publishedAnswersSchema), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/answers/import',
    tags: ['answers'],
    summary: 'Import answers from CSV (all or nothing), or preview the import',
    description:
      `${admins} \`csv\`: a header naming \`id\` and \`state\`, optionally \`answer/fr\`, \`answer/en\`, \`cost\` ` +
      '(euros: `1500`, `1500,50`), `cost_report/fr`, `cost_report/en`, `execution_period`; other columns are ignored; ' +
      'separator `;`. Each refused row is reported with its line and reason (`unknown_id`, `other_process`, ' +
      '`duplicate`, `unknown_state`, `rejected_without_text`, `bad_cost`, `cost_required`, `proposal_withdrawn`, ' +
      '`column_count`). `dryRun: true` answers the report and changes nothing. A real import applies every row or ' +
      'none: any refused row makes it a 400 `validation_failed` (`details.report` holds the report) and nothing changes. ' +
      'Imported answers are published as one answer would be (`publish`, else the active phase).',
    security: [{ bearer: [] }],
    request: { params: processId, body: jsonBody(importAnswersBodySchema) },
    responses: { 200: json('The import report', AnswersImportReport), ...problems(400, 401, 403, 404, 413, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/answer-states',
    tags: ['answers'],
    summary: "A process's own answer states, in order",
    description: 'To whoever may see the process. `evaluating`, `accepted` and `rejected` always exist besides these.',
    request: { params: processId },
    responses: {
      200: json('The states', z.object({ data: z.array(AnswerState) })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/answer-states',
    tags: ['answers'],
    summary: 'Define an answer state',
    description: `${admins} A key the process has already is a 409 \`conflict\`; built-in keys are a 400.`,
    security: [{ bearer: [] }],
    request: { params: processId, body: jsonBody(createAnswerStateBodySchema) },
    responses: { 201: json('The state', AnswerState), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/processes/{id}/answer-states/{key}',
    tags: ['answers'],
    summary: "Change a state's label, colour or position",
    description: `${admins} Its key never changes.`,
    security: [{ bearer: [] }],
    request: { params: stateRef, body: jsonBody(updateAnswerStateBodySchema) },
    responses: { 200: json('The state', AnswerState), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/processes/{id}/answer-states/{key}',
    tags: ['answers'],
    summary: 'Remove an answer state no answer uses',
    description: `${admins} A state some answer (held or published) is in is a 409 \`conflict\`.`,
    security: [{ bearer: [] }],
    request: { params: stateRef },
    responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/proposals/official',
    tags: ['answers'],
    summary: "Publish an official proposal, in the name of the process's organiser",
    description:
      `${admins} Published at once whatever the phase, \`official: true\`, shown under the organiser's name ` +
      '(`authorName`; `authorId` is the admin who wrote it). A process without an organiser is a 409 `conflict`, a ' +
      'closed one a 422 `process_closed`. `Idempotency-Key` makes a retry answer the first proposal.',
    security: [{ bearer: [] }],
    request: { params: processId, body: jsonBody(createOfficialProposalBodySchema) },
    responses: { 201: json('The official proposal', Proposal), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
}
