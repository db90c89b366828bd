import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function registerFrameworkValuations(_registry: OpenAPIRegistry): void {}
