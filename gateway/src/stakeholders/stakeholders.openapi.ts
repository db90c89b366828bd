import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function registerStakeholders(_registry: OpenAPIRegistry): void {}
