import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { personalDataExportSchema, updatePersonRequestSchema } from '@convergences/contracts';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerMe(registry: OpenAPIRegistry, { Me }: Components): void {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/me',
    tags: ['people'],
    summary: 'The signed-in person (registered on first sight of their token), with their process roles',
    description:
      '`processRoles` lists each process where the person holds roles (`admin`, `collaborator`, `moderator`, ' +
      '`valuator`), by French title. If the members or processes service does not answer, the answer is a 503.',
    security: [{ bearer: [] }],
    responses: { 200: json('The person and their process roles', Me), ...problems(401, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/me',
    tags: ['people'],
    summary: 'Edit your own profile: display name, nickname, locale, bio, profile visibility, territory of residence',
    description:
      'Only the fields given change. The nickname is 3 to 30 lowercase letters, digits, "_" or "-", unique on the ' +
      'platform (409 `conflict` when taken). Email, username and roles come from the identity provider and cannot be ' +
      'edited here. `territoryId` must be a territory of `GET /territories` (400 on `territoryId` otherwise; `null` ' +
      'clears it). A blocked person gets 403 `blocked_person`.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: updatePersonRequestSchema } } } },
    responses: {
      200: json('The updated person, with their process roles as `GET /me` answers them', Me),
      ...problems(400, 401, 403, 409, 413, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/me/export',
    tags: ['people'],
    summary: 'Download everything the platform holds about you (JSON)',
    description:
      'Every service answers for its own data, under `services.<service>`; `person` is your profile, email ' +
      'included. Answered as an attachment `convergences-export-<nickname>-<date>.json`. If any service does not ' +
      'answer, the export fails with 503: it is never partial.',
    security: [{ bearer: [] }],
    responses: { 200: json('Your personal data', personalDataExportSchema), ...problems(401, 403, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/me',
    tags: ['people'],
    summary: 'Delete your account',
    description:
      'Your profile is anonymised ("Compte supprimé", nickname freed, bio, email and territory erased), your memberships ' +
      'removed; what you wrote stays, signed "Compte supprimé". Refused with 409 `last_admin` while you are the last ' +
      'admin of an organisation. Deleting again answers 204; afterwards your token is refused with 403 ' +
      '`account_deleted`. The identity provider account itself is removed by the operator.',
    security: [{ bearer: [] }],
    responses: { 204: { description: 'Deleted (or already deleted)' }, ...problems(401, 403, 409, 503) },
  });
}
