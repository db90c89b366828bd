import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  addFrameworkEditorBodySchema,
  adoptProposalBodySchema,
  createCriterionBodySchema,
  createDimensionBodySchema,
  createFrameworkBodySchema,
  createIndicatorBodySchema,
  criterionSchema,
  dimensionSchema,
  frameworkEditorSchema,
  frameworkGapSchema,
  frameworkListQuerySchema,
  frameworkSchema,
  frameworkSummarySchema,
  frameworkVersionsQuerySchema,
  indicatorSchema,
  pageSchema,
  reorderCriteriaBodySchema,
  reorderDimensionsBodySchema,
  reorderIndicatorsBodySchema,
  updateCriterionBodySchema,
  updateDimensionBodySchema,
  updateFrameworkBodySchema,
  updateIndicatorBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerFrameworks(registry: OpenAPIRegistry): void {
  const Indicator = indicatorSchema.meta({ id: 'Indicator' });
  const Criterion = criterionSchema.extend({ indicators: z.array(Indicator) }).meta({ id: 'Criterion' });
  const Dimension = dimensionSchema.extend({ criteria: z.array(Criterion) }).meta({ id: 'Dimension' });
  const FrameworkSummary = frameworkSummarySchema.meta({ id: 'FrameworkSummary' });
  const Framework = frameworkSchema.extend({ dimensions: z.array(Dimension) }).meta({ id: 'Framework' });
  const FrameworkEditor = frameworkEditorSchema.meta({ id: 'FrameworkEditor' });
  const FrameworkGap = frameworkGapSchema.meta({ id: 'FrameworkGap' });

  const frameworkId = z.uuid().meta({ description: 'Framework version id (UUIDv7)' });
  const byId = { params: z.object({ id: frameworkId }) };
  const inFramework = (more: Record<string, z.ZodType> = {}) => ({ params: z.object({ frameworkId, ...more }) });
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const tags = ['frameworks'];
  const security = [{ bearer: [] }];
  const editors =
    'For the lineage’s editors and platform admins (401 anonymous, 403 `forbidden` otherwise), on a draft only: an ' +
    'adopted version is never changed (409 `framework_adopted`).';
  const texts = 'Texts are `{ fr, en? }`: French required.';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/frameworks',
    tags,
    summary: 'Framework versions (référentiels): adopted ones for anyone, drafts too for their editors and admins',
    description:
      'Filters: `status` (`draft`, `adopted`), `processId` (co-built in that process), `lineageId`, `q` (a piece ' +
      'of the title or description, French or English, accents and case folded). Sorts: `recent` (default), `title`.',
    request: { query: frameworkListQuerySchema },
    responses: { 200: json('A page of framework versions', pageSchema(FrameworkSummary)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/frameworks',
    tags,
    summary: 'Create a framework: version 1 of a new lineage, a draft (platform admins)',
    description:
      `${texts} \`processId\` attaches it to the participatory process where it is co-built (400 on \`processId\` ` +
      'when there is no such process). A retry with the same `Idempotency-Key` answers the first framework.',
    security,
    request: {
      ...jsonBody(createFrameworkBodySchema),
      headers: z.object({ 'Idempotency-Key': z.string().max(200).optional() }),
    },
    responses: { 201: json('The framework', Framework), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/frameworks/{id}',
    tags,
    summary: 'A framework version with its tree: dimensions → criteria → indicators, each in its order',
    description: 'A draft the caller does not edit does not exist for them (404).',
    request: byId,
    responses: { 200: json('The framework', Framework), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/frameworks/{id}',
    tags,
    summary: 'Retitle, describe, attach to a process or detach (`processId: null`) a draft',
    description: `${editors} ${texts}`,
    security,
    request: { ...byId, ...jsonBody(updateFrameworkBodySchema) },
    responses: { 200: json('The framework', Framework), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/frameworks/{id}/adopt',
    tags,
    summary: 'Adopt a complete draft: frozen from now on, under its version number',
    description:
      `${editors} Complete means: a dimension at least, a criterion in each dimension, an indicator in each ` +
      'criterion, levels in each level scale and a descriptor for each level; otherwise 422 `framework_incomplete` ' +
      'with `details.missing`, a list of `FrameworkGap`. Announces `evaluations.framework.adopted`.',
    security,
    request: byId,
    responses: {
      200: json('The adopted framework', Framework),
      422: {
        description: 'Incomplete (`framework_incomplete`): `details.missing` lists what is missing',
        content: {
          'application/problem+json': {
            schema: z.object({
              code: z.literal('framework_incomplete'),
              details: z.object({ missing: z.array(FrameworkGap) }),
            }),
          },
        },
      },
      ...problems(400, 401, 403, 404, 409, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/frameworks/{id}/versions',
    tags,
    summary: 'The lineage of a version: every version the caller may read',
    description: 'Sorts: `-version` (newest first, default), `version`.',
    request: { ...byId, query: frameworkVersionsQuerySchema.omit({ id: true }) },
    responses: { 200: json('A page of versions', pageSchema(FrameworkSummary)), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/frameworks/{id}/versions',
    tags,
    summary: 'Start the next version of a lineage: a draft copied from this adopted version',
    description:
      'For the lineage’s editors and platform admins. The copy keeps the texts, the process, the tree (the same ' +
      '`stableId`s, so results compare across versions) and the proposal links; it is numbered after the ' +
      'lineage’s last version. 409 `conflict` from a draft, or when the lineage has a draft already ' +
      '(`details.draftId`).',
    security,
    request: byId,
    responses: { 201: json('The new draft', Framework), ...problems(400, 401, 403, 404, 409, 503) },
  });

  const treeWrite = (
    method: 'post' | 'patch' | 'delete',
    path: string,
    summary: string,
    request: object,
    ok: Record<number, ReturnType<typeof json> | { description: string }>,
    description = editors,
  ) =>
    registry.registerPath({
      method,
      path: `/api/v1/frameworks/{frameworkId}${path}`,
      tags,
      summary,
      description,
      security,
      request,
      responses: { ...ok, ...problems(400, 401, 403, 404, 409, 503) },
    });
  const dimensionId = z.uuid();
  const criterionId = z.uuid();
  const indicatorId = z.uuid();
  const reorder = (siblings: string) =>
    `${editors} \`order\` lists the ids of all the ${siblings}, each exactly once, in their new order; anything else ` +
    'is a 400 on `order` and nothing moves.';

  treeWrite(
    'post',
    '/dimensions',
    'Add a dimension after the last one',
    { ...inFramework(), ...jsonBody(createDimensionBodySchema) },
    {
      201: json('The dimension', Dimension),
    },
  );
  treeWrite(
    'patch',
    '/dimensions/{dimensionId}',
    'Change a dimension',
    { ...inFramework({ dimensionId }), ...jsonBody(updateDimensionBodySchema) },
    { 200: json('The dimension', Dimension) },
  );
  treeWrite(
    'delete',
    '/dimensions/{dimensionId}',
    'Remove a dimension, with its criteria and their indicators',
    inFramework({ dimensionId }),
    {
      204: { description: 'Removed; the next dimensions moved up' },
    },
  );
  treeWrite(
    'post',
    '/dimensions/reorder',
    'Reorder the dimensions',
    { ...inFramework(), ...jsonBody(reorderDimensionsBodySchema) },
    { 200: json('The framework', Framework) },
    reorder('framework’s dimensions'),
  );
  treeWrite(
    'post',
    '/criteria',
    'Add a criterion to a dimension, after its last one',
    { ...inFramework(), ...jsonBody(createCriterionBodySchema) },
    { 201: json('The criterion', Criterion) },
    `${editors} \`narrativeRequired\`: answers must tell their story; \`evidenceAllowed\`: answers may bring links.`,
  );
  treeWrite(
    'patch',
    '/criteria/{criterionId}',
    'Change a criterion; `dimensionId` moves it to the end of another dimension',
    { ...inFramework({ criterionId }), ...jsonBody(updateCriterionBodySchema) },
    { 200: json('The criterion', Criterion) },
  );
  treeWrite(
    'delete',
    '/criteria/{criterionId}',
    'Remove a criterion, with its indicators',
    inFramework({ criterionId }),
    {
      204: { description: 'Removed; the next criteria moved up' },
    },
  );
  treeWrite(
    'post',
    '/criteria/reorder',
    'Reorder the criteria of a dimension',
    { ...inFramework(), ...jsonBody(reorderCriteriaBodySchema) },
    { 200: json('The framework', Framework) },
    reorder('dimension’s criteria'),
  );
  registry.registerPath({
    method: 'post',
    path: '/api/v1/frameworks/{frameworkId}/criteria/from-proposal',
    tags,
    summary: 'Co-construction: adopt a participant’s proposal as a criterion, keeping the link',
    description:
      `${editors} The proposal must be published in the process the framework is co-built in (422 ` +
      '`proposal_outside_process`), not withdrawn (409 `proposal_withdrawn`), and not a criterion of this version ' +
      'already (409 `conflict`); one the caller may not see is a 400 on `proposalId`. The criterion starts with the ' +
      'proposal’s title unless `title` is given, and its `origin` keeps the proposal’s id and reference.',
    security,
    request: { ...inFramework(), ...jsonBody(adoptProposalBodySchema) },
    responses: { 201: json('The criterion', Criterion), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  treeWrite(
    'post',
    '/indicators',
    'Add an indicator to a criterion, after its last one',
    { ...inFramework(), ...jsonBody(createIndicatorBodySchema) },
    { 201: json('The indicator', Indicator) },
    `${editors} \`kind\`: \`quantitative\` (\`unit\`, \`higherIsBetter\` — true unless said —, \`target\`), ` +
      '`level_scale` (`levels`: none yet, or 2 to 10, values rising, each with a label and a descriptor), `yes_no`, ' +
      '`narrative`. A field of another kind, an unknown kind or a scale of one level is a 400.',
  );
  treeWrite(
    'patch',
    '/indicators/{indicatorId}',
    'Change an indicator, its kind included',
    { ...inFramework({ indicatorId }), ...jsonBody(updateIndicatorBodySchema) },
    { 200: json('The indicator', Indicator) },
    `${editors} A new \`kind\` drops the fields of the old one; the result is checked whole.`,
  );
  treeWrite('delete', '/indicators/{indicatorId}', 'Remove an indicator', inFramework({ indicatorId }), {
    204: { description: 'Removed; the next indicators moved up' },
  });
  treeWrite(
    'post',
    '/indicators/reorder',
    'Reorder the indicators of a criterion',
    { ...inFramework(), ...jsonBody(reorderIndicatorsBodySchema) },
    { 200: json('The framework', Framework) },
    reorder('criterion’s indicators'),
  );

  const lineage = 'Editors are named per lineage: any version’s id names it.';
  registry.registerPath({
    method: 'get',
    path: '/api/v1/frameworks/{frameworkId}/editors',
    tags,
    summary: 'Who edits a framework',
    description: `${lineage} For the lineage’s editors and platform admins.`,
    security,
    request: inFramework(),
    responses: {
      200: json('The editors', z.object({ data: z.array(FrameworkEditor) })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/frameworks/{frameworkId}/editors',
    tags,
    summary: 'Name a framework editor (platform admins)',
    description:
      `${lineage} The person is named by \`personId\` or by \`nickname\` (exactly one); naming them again ` +
      'answers the first naming; naming nobody is a 400 on that field.',
    security,
    request: { ...inFramework(), ...jsonBody(addFrameworkEditorBodySchema) },
    responses: { 201: json('The editor', FrameworkEditor), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/frameworks/{frameworkId}/editors/{personId}',
    tags,
    summary: 'Remove a framework editor (platform admins)',
    description: `${lineage} 204 also when the person was not an editor.`,
    security,
    request: inFramework({ personId: z.uuid() }),
    responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404, 503) },
  });
}
