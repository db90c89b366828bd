import {
  createThemeRequestSchema,
  pageSchema,
  themeListQuerySchema,
  updateThemeBodySchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerThemes(registry: OpenAPIRegistry, { Theme, ThemeNode }: Components): void {
  const id = z.object({ id: z.uuid() });
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/themes',
    tags: ['themes'],
    summary: 'Themes, flat and paged (public)',
    description:
      '`parentId` lists the direct sub-themes of a theme (`root`: the top-level ones); `q` searches the French and ' +
      'English names, ignoring case and accents; `sort=position` (the default) keeps the order set by administrators.',
    request: { query: themeListQuerySchema },
    responses: { 200: json('A page of themes', pageSchema(Theme)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/themes/tree',
    tags: ['themes'],
    summary: 'Every theme as a tree, siblings by position (public)',
    responses: {
      200: json('The top-level themes, each with its sub-themes', z.object({ data: z.array(ThemeNode) })),
      ...problems(400, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/themes/{id}',
    tags: ['themes'],
    summary: 'One theme (public)',
    request: { params: id },
    responses: { 200: json('The theme', Theme), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/themes',
    tags: ['themes'],
    summary: 'Add a theme (platform administrators)',
    description:
      'A French name is required, English optional; the colour is `#rrggbb`. Without a `position` the theme comes ' +
      'last among its siblings. An unknown `parentId` is a 400.',
    security: [{ bearer: [] }],
    request: { body: body(createThemeRequestSchema) },
    responses: { 201: json('The created theme', Theme), ...problems(400, 401, 403, 413, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/themes/{id}',
    tags: ['themes'],
    summary: 'Change a theme or move it with its sub-themes (platform administrators)',
    description:
      'A theme cannot move under itself or one of its sub-themes (409 on `parentId`); `parentId: null` makes it a ' +
      'top-level theme; moved without a `position`, it comes last among its new siblings. `description: null` clears it.',
    security: [{ bearer: [] }],
    request: { params: id, body: body(updateThemeBodySchema) },
    responses: { 200: json('The theme', Theme), ...problems(400, 401, 403, 404, 409, 413, 503) },
  });
}
