/** Runtime configuration, from Vite's environment with defaults that work on a fresh machine. */
const env = import.meta.env;

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

export const config = {
  apiUrl: withoutTrailingSlash(env.VITE_API_URL || 'http://localhost:3000/api/v1'),
  idpUrl: withoutTrailingSlash(env.VITE_IDP_URL || 'http://localhost:8080'),
  realm: env.VITE_IDP_REALM || 'convergences',
  clientId: env.VITE_IDP_CLIENT_ID || 'convergences-admin',
} as const;

/** The realm role that opens the back office. */
export const ADMIN_ROLE = 'admin';
