import type { AuthProvider, UserIdentity } from 'react-admin';
import { ADMIN_ROLE } from '../config';
import { appBaseUrl, forgetStoredTokens, getAccessToken, getClaims, initKeycloak } from './keycloak';

/** Permissions are the realm roles of the access token (`realm_access.roles`). */
export type Permissions = string[];

export const isAdmin = (permissions: unknown): boolean =>
  Array.isArray(permissions) && permissions.includes(ADMIN_ROLE);

export interface Identity extends UserIdentity {
  username?: string;
}

/** Rejection that sends to the login page without an error notification. */
const silently = () => ({ message: false as const });

let onLogout: (() => void) | undefined;

/** Registers what to forget when the user signs out (e.g. the cached `GET /me`). */
export function setOnLogout(callback: () => void): void {
  onLogout = callback;
}

/**
 * react-admin's auth provider over keycloak-js. `login` redirects to the identity provider
 * (authorization code + PKCE); the way back is handled by `initKeycloak` before the app renders.
 */
export const authProvider: AuthProvider = {
  async login(params?: { locale?: string }) {
    const client = await initKeycloak();
    await client.login({ redirectUri: appBaseUrl(), ...(params?.locale ? { locale: params.locale } : {}) });
    // The browser is leaving for the identity provider: never settle (react-admin would
    // navigate), unless the redirect did not happen at all.
    return new Promise<never>((_, reject) => setTimeout(() => reject(new Error('app.login.error')), 15_000));
  },

  async logout() {
    const client = await initKeycloak();
    forgetStoredTokens();
    onLogout?.();
    if (client.authenticated) {
      // Ends the session at the identity provider too, then comes back to the login page.
      await client.logout({ redirectUri: appBaseUrl() });
      return false;
    }
    return undefined;
  },

  async checkAuth() {
    const token = await getAccessToken();
    if (!token) throw silently();
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      forgetStoredTokens();
      throw error;
    }
    // 403 and others: stay signed in, the notification shows the problem's detail.
  },

  async getIdentity(): Promise<Identity> {
    const claims = await getClaims();
    if (!claims) throw silently();
    const username = claims.preferred_username;
    return {
      id: claims.sub ?? username ?? '',
      fullName: claims.name || username || claims.sub,
      username,
    };
  },

  async getPermissions(): Promise<Permissions> {
    const claims = await getClaims();
    return claims?.realm_access?.roles ?? [];
  },
};
