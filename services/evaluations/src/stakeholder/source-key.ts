import { loadConfig } from '@convergences/service-runtime';
import { createHmac } from 'node:crypto';
import { z } from 'zod';

/**
 * The key of the stakeholders' source hashes. Set `STAKEHOLDER_KEY_SECRET` in production: with
 * the development default, anyone who reads the database could hash every address and find
 * where a response came from.
 */
export const DEVELOPMENT_STAKEHOLDER_KEY = 'convergences-development-stakeholder-key';
const sourceKeyConfigSchema = z.object({
  STAKEHOLDER_KEY_SECRET: z.string().min(16).default(DEVELOPMENT_STAKEHOLDER_KEY),
});

/** The configured key, read from the environment once. */
export const stakeholderKeySecret = (): string => loadConfig(sourceKeyConfigSchema).STAKEHOLDER_KEY_SECRET;

/**
 * Where a response came from, as kept for the limits: HMAC-SHA256 of the campaign and the source,
 * so the same address gives unrelated keys in two campaigns and cannot be read back.
 */
export function sourceKeyOf(secret: string, campaignId: string, source: string): string {
  return createHmac('sha256', secret).update(`${campaignId}:${source}`).digest('hex');
}
