import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function registerCampaigns(_registry: OpenAPIRegistry): void {}
