import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function registerResults(_registry: OpenAPIRegistry): void {}
