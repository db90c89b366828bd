import {
  createOrganizationRequestSchema,
  inviteBodySchema,
  organizationListQuerySchema,
  organizationMembersQuerySchema,
  pageSchema,
  updateOrganizationBodySchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerOrganizations(
  registry: OpenAPIRegistry,
  { Organization, OrganizationMap, Membership }: Components,
): void {
  const idOrSlug = z.object({ idOrSlug: z.string().meta({ description: 'Organisation id (UUIDv7) or slug' }) });
  const id = z.object({ id: z.uuid() });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/organizations',
    tags: ['organisations'],
    summary: 'Verified organisations (platform administrators may ask for pending ones), or their map',
    description:
      'With `Accept: application/geo+json` the answer is a GeoJSON FeatureCollection of the verified organisations ' +
      'that have coordinates (same filters, plus `bbox`; no pagination). `network` includes members of member ' +
      'networks at any depth; `territoryId` includes the territories under it at any depth (`territory` is its ' +
      'former name, still accepted; an unknown territory is a 400).',
    request: {
      query: organizationListQuerySchema.extend({
        bbox: z
          .string()
          .optional()
          .meta({ description: 'Map only: minLon,minLat,maxLon,maxLat', example: '-5.2,41.3,9.6,51.1' }),
      }),
    },
    responses: {
      200: {
        description: 'A page of organisations, or the map',
        content: {
          'application/json': { schema: pageSchema(Organization) },
          'application/geo+json': { schema: OrganizationMap },
        },
      },
      ...problems(400, 403, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/organizations',
    tags: ['organisations'],
    summary: 'Propose an organisation (any signed-in participant, who becomes its first admin); it starts pending',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: createOrganizationRequestSchema } } } },
    responses: { 201: json('The created organisation', Organization), ...problems(400, 401, 403, 409, 413, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/organizations/{idOrSlug}',
    tags: ['organisations'],
    summary: 'One organisation (a pending one only for its members and platform administrators)',
    request: { params: idOrSlug },
    responses: { 200: json('The organisation', Organization), ...problems(404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/organizations/{idOrSlug}',
    tags: ['organisations'],
    summary: 'Change an organisation (its admins or platform administrators); `networkIds` replaces its networks',
    security: [{ bearer: [] }],
    request: {
      params: idOrSlug,
      body: { content: { 'application/json': { schema: updateOrganizationBodySchema } } },
    },
    responses: { 200: json('The organisation', Organization), ...problems(400, 401, 403, 404, 409, 413, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/organizations/{id}/verify',
    tags: ['organisations'],
    summary: 'Verify an organisation (platform administrators); verifying twice changes nothing',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: { 200: json('The verified organisation', Organization), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/organizations/{idOrSlug}/members',
    tags: ['memberships'],
    summary: "An organisation's active members (its admins also see invitations and requests)",
    request: { params: idOrSlug, query: organizationMembersQuerySchema.omit({ organizationId: true }) },
    responses: { 200: json('A page of memberships', pageSchema(Membership)), ...problems(400, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/organizations/{id}/invitations',
    tags: ['memberships'],
    summary: 'Invite a person by nickname or id (organisation admins); inviting someone who asked to join lets them in',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: inviteBodySchema } } } },
    responses: { 201: json('The invitation', Membership), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/organizations/{id}/join-requests',
    tags: ['memberships'],
    summary: 'Ask to join a verified organisation; asking after being invited accepts the invitation',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: { 201: json('The request', Membership), ...problems(400, 401, 404, 409, 503) },
  });
}
