/** NATS connection options from one URL; credentials in it (`nats://user:password@host:4222`) are used. */
export function natsConnectionOptions(url: string): { servers: string[]; user?: string; pass?: string } {
  const parsed = new URL(url);
  if (!parsed.username) return { servers: [url] };
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { servers: [parsed.toString().replace(/\/$/, '')], user, ...(pass ? { pass } : {}) };
}
