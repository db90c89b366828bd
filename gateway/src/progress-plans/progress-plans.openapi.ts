import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function registerProgressPlans(_registry: OpenAPIRegistry): void {}
