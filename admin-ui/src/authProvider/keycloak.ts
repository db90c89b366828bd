import Keycloak, { type KeycloakInitOptions, type KeycloakTokenParsed } from 'keycloak-js';
import { config } from '../config';

/**
 * The single keycloak-js client of the app: authorization code flow with PKCE (S256) against
 * `${VITE_IDP_URL}/realms/${VITE_IDP_REALM}`, which works the same against a real Keycloak and
 * against the dev identity provider.
 *
 * keycloak-js keeps tokens in memory only; to survive a page reload they are kept in this tab's
 * sessionStorage and handed back to `init`, which refreshes them at once (an expired or revoked
 * session is dropped and the user signs in again).
 */

const STORAGE_KEY = `convergences.admin.tokens.${config.realm}.${config.clientId}`;

interface StoredTokens {
  token: string;
  refreshToken: string;
  idToken?: string;
}

const baseInitOptions: KeycloakInitOptions = {
  pkceMethod: 'S256',
  // The app routes with the URL's hash, so the provider answers in the query string.
  responseMode: 'query',
  checkLoginIframe: false,
};

function readStoredTokens(): StoredTokens | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<StoredTokens>;
    return parsed.token && parsed.refreshToken
      ? { token: parsed.token, refreshToken: parsed.refreshToken, idToken: parsed.idToken }
      : undefined;
  } catch {
    return undefined;
  }
}

function storeTokens(client: Keycloak): void {
  try {
    if (client.token && client.refreshToken) {
      const tokens: StoredTokens = { token: client.token, refreshToken: client.refreshToken, idToken: client.idToken };
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    } else {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // storage unavailable: the session simply won't survive a reload
  }
}

export function forgetStoredTokens(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
}

function createClient(): Keycloak {
  const client = new Keycloak({ url: config.idpUrl, realm: config.realm, clientId: config.clientId });
  client.onAuthSuccess = () => storeTokens(client);
  client.onAuthRefreshSuccess = () => storeTokens(client);
  client.onAuthLogout = () => forgetStoredTokens();
  return client;
}

let ready: Promise<Keycloak> | undefined;

/**
 * Initialises the client once: completes a sign-in when the provider has just redirected back
 * (code exchange, then the callback parameters are removed from the URL), or resumes the tab's
 * session. Never rejects: on failure the client is simply not authenticated.
 */
export function initKeycloak(): Promise<Keycloak> {
  ready ??= (async () => {
    const client = createClient();
    const stored = readStoredTokens();
    try {
      await client.init({ ...baseInitOptions, ...(stored ?? {}) });
    } catch (error) {
      console.warn('[auth] could not restore or complete the sign-in', error);
      forgetStoredTokens();
      client.clearToken();
    }
    return client;
  })();
  return ready;
}

/** The base URL of the app (no hash, no query): where the provider sends the browser back. */
export function appBaseUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/** Whether the access token expires within `seconds` (keycloak-js's own check needs a refresh token). */
function expiresWithin(client: Keycloak, seconds: number): boolean {
  const exp = client.tokenParsed?.exp;
  if (typeof exp !== 'number') return false;
  return exp - Math.ceil(Date.now() / 1000) + (client.timeSkew ?? 0) < seconds;
}

/**
 * A valid access token, refreshed when it expires within `minValidity` seconds,
 * or undefined when nobody is signed in (or the session could not be refreshed).
 */
export async function getAccessToken(minValidity = 30): Promise<string | undefined> {
  const client = await initKeycloak();
  if (!client.authenticated || !client.token) return undefined;
  if (client.refreshToken) {
    try {
      await client.updateToken(minValidity);
    } catch (error) {
      console.warn('[auth] token refresh failed', error);
    }
  }
  if (!client.token || expiresWithin(client, 5)) {
    client.clearToken();
    return undefined;
  }
  return client.token;
}

/** Claims of the access token the app relies upon. */
export interface AccessTokenClaims extends KeycloakTokenParsed {
  preferred_username?: string;
  name?: string;
  email?: string;
  locale?: string;
}

/** The parsed claims of the signed-in user's tokens (access token first, then ID token). */
export async function getClaims(): Promise<AccessTokenClaims | undefined> {
  const client = await initKeycloak();
  if (!client.authenticated || !client.tokenParsed) return undefined;
  return { ...(client.idTokenParsed ?? {}), ...client.tokenParsed } as AccessTokenClaims;
}
