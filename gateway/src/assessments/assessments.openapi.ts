import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function registerAssessments(_registry: OpenAPIRegistry): void {}
