import {
  createCodesRequestSchema,
  grantVerificationRequestSchema,
  importCensusRequestSchema,
  myVerificationsQuerySchema,
  pageSchema,
  redeemCodeRequestSchema,
  revokedCountSchema,
  revokeMatchingRequestSchema,
  revokeVerificationBodySchema,
  verificationListQuerySchema,
  verifyByCensusRequestSchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerVerifications(
  registry: OpenAPIRegistry,
  { Verification, CensusReport, CreatedCodes }: Components,
): void {
  const id = z.object({ id: z.uuid() });
  const refused = {
    422: {
      description: 'Nothing usable matches (`verification_refused`)',
      content: { 'application/problem+json': { schema: z.object({ code: z.literal('verification_refused') }) } },
    },
  };

  registry.registerPath({
    method: 'get',
    path: '/api/v1/verifications',
    tags: ['verifications'],
    summary: 'Verifications (platform administrators), filtered by person, kind, territory, method, active',
    security: [{ bearer: [] }],
    request: { query: verificationListQuerySchema },
    responses: { 200: json('A page of verifications', pageSchema(Verification)), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/verifications',
    tags: ['verifications'],
    summary: 'Verify a person by hand (platform administrators); one valid verification per kind and territory',
    description:
      'Without `territoryId` the verification holds for every territory; with it, for that territory and every ' +
      'territory under it. An unknown territory is a 400 on `territoryId`.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: grantVerificationRequestSchema } } } },
    responses: { 201: json('The verification', Verification), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/verifications/census',
    tags: ['verifications'],
    summary: 'Import a census CSV (platform administrators): only salted hashes are stored',
    description:
      'The CSV text has a header naming an `identifier` (or `document_number`) column and optionally `birth_date` ' +
      '(`YYYY-MM-DD` or `DD/MM/YYYY`), separated by `;` or `,`. The report lists refused rows with their line ' +
      '(`empty_identifier`, `bad_date`, `duplicate`, `column_count`). With `dryRun: true` nothing is stored. ' +
      'Text that is not CSV (unbalanced quotes) or lacks the header is a 400 and stores nothing, as is an unknown ' +
      '`territoryId`.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: importCensusRequestSchema } } } },
    responses: { 200: json('The import report', CensusReport), ...problems(400, 401, 403, 413, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/verifications/codes',
    tags: ['verifications'],
    summary: 'Create one-time codes (platform administrators): shown once, stored hashed',
    description: 'An unknown `territoryId` is a 400 and creates nothing.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: createCodesRequestSchema } } } },
    responses: { 201: json('The codes', CreatedCodes), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/verifications/revoke',
    tags: ['verifications'],
    summary: 'Revoke every active verification matching a condition (platform administrators)',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: revokeMatchingRequestSchema } } } },
    responses: { 200: json('How many were revoked', revokedCountSchema), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/verifications/{id}',
    tags: ['verifications'],
    summary: 'One verification (platform administrators, or the person it is about)',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: { 200: json('The verification', Verification), ...problems(400, 401, 404, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/verifications/{id}',
    tags: ['verifications'],
    summary: 'Revoke a verification with a reason (platform administrators); revoking twice changes nothing',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: revokeVerificationBodySchema } } } },
    responses: { 200: json('The revoked verification', Verification), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/me/verifications',
    tags: ['verifications'],
    summary: "The signed-in person's verifications",
    security: [{ bearer: [] }],
    request: { query: myVerificationsQuerySchema },
    responses: { 200: json('A page of verifications', pageSchema(Verification)), ...problems(400, 401, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/me/verifications/census',
    tags: ['verifications'],
    summary: 'Verify oneself with an identifier (and birth date) from the census; an entry is used once',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: verifyByCensusRequestSchema } } } },
    responses: { 201: json('The verification', Verification), ...problems(400, 401, 409, 503), ...refused },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/me/verifications/code',
    tags: ['verifications'],
    summary: 'Verify oneself with a one-time code; a code works once',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: redeemCodeRequestSchema } } } },
    responses: { 201: json('The verification', Verification), ...problems(400, 401, 409, 503), ...refused },
  });
}
