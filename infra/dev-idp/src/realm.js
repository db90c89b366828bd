// Reads a Keycloak realm export (and optionally a Keycloak directory-export users
// file) and exposes what the development identity provider needs: clients,
// users, password checks and the effective roles Keycloak would put in tokens.
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** Roles Keycloak creates by itself in every realm (see RealmManager.importRealm). */
const BUILT_IN_REALM_ROLES = ['offline_access', 'uma_authorization'];

/**
 * Composites Keycloak gives to the built-in `account` client roles
 * (RealmManager.setupAccountManagement): manage-account includes manage-account-links.
 * @type {Record<string, Record<string, string[]>>}
 */
const BUILT_IN_CLIENT_COMPOSITES = {
  account: { 'manage-account': ['manage-account-links'] },
};

/**
 * @typedef {object} RealmUser
 * @property {string} id
 * @property {string} username
 * @property {string} [email]
 * @property {boolean} [emailVerified]
 * @property {string} [firstName]
 * @property {string} [lastName]
 * @property {boolean} [enabled]
 * @property {Record<string, string[]>} [attributes]
 * @property {Array<{ type: string, value?: string }>} [credentials]
 * @property {string[]} [realmRoles]
 * @property {Record<string, string[]>} [clientRoles]
 */

/**
 * @typedef {object} RealmClient
 * @property {string} clientId
 * @property {boolean} [enabled]
 * @property {boolean} [publicClient]
 * @property {string} [secret]
 * @property {boolean} [standardFlowEnabled]
 * @property {boolean} [directAccessGrantsEnabled]
 * @property {boolean} [bearerOnly]
 * @property {string[]} [redirectUris]
 * @property {string[]} [webOrigins]
 * @property {Record<string, string>} [attributes]
 */

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`dev-idp: cannot read ${file}: ${cause.message}`, { cause });
  }
}

/** SHA-256 both sides, then compare in constant time (no length leak either). */
export function constantTimeEquals(a, b) {
  const ha = createHash('sha256').update(String(a), 'utf8').digest();
  const hb = createHash('sha256').update(String(b), 'utf8').digest();
  return timingSafeEqual(ha, hb);
}

/**
 * Keycloak-style redirect URI matching: a pattern ending with `*` matches any URI
 * starting with what precedes the `*`; otherwise the match is exact.
 * @param {string} value
 * @param {string[]} patterns
 */
export function uriMatches(value, patterns) {
  if (typeof value !== 'string' || !value) return false;
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
    return value === pattern;
  });
}

function originOf(uri) {
  const url = URL.parse(uri.endsWith('*') ? uri.slice(0, -1) : uri);
  return url && /^https?:$/.test(url.protocol) ? url.origin : undefined;
}

export class Realm {
  /**
   * @param {{ realmFile: string, usersFile?: string | null }} files
   */
  constructor({ realmFile, usersFile }) {
    const rep = readJson(realmFile);
    if (!rep.realm) throw new Error(`dev-idp: ${realmFile} has no "realm" name`);
    this.name = rep.realm;
    this.displayName = rep.displayName || rep.realm;
    this.enabled = rep.enabled !== false;
    this.accessTokenLifespan = rep.accessTokenLifespan ?? 300;
    this.ssoSessionIdleTimeout = rep.ssoSessionIdleTimeout ?? 1800;
    this.ssoSessionMaxLifespan = rep.ssoSessionMaxLifespan ?? 36000;
    this.offlineSessionIdleTimeout = rep.offlineSessionIdleTimeout ?? 2592000;
    this.accessCodeLifespan = rep.accessCodeLifespan ?? 60;
    this.accessCodeLifespanLogin = rep.accessCodeLifespanLogin ?? 1800;
    this.loginWithEmailAllowed = rep.loginWithEmailAllowed !== false;
    this.supportedLocales = rep.internationalizationEnabled ? (rep.supportedLocales ?? ['en']) : ['en'];
    this.defaultLocale = rep.internationalizationEnabled ? (rep.defaultLocale ?? 'en') : 'en';
    this.defaultRoleName = rep.defaultRole?.name ?? `default-roles-${this.name.toLowerCase()}`;

    /** @type {Map<string, { realm: string[], client: Record<string, string[]> }>} */
    this.roleComposites = new Map();
    for (const role of rep.roles?.realm ?? []) {
      this.roleComposites.set(role.name, {
        realm: role.composites?.realm ?? [],
        client: role.composites?.client ?? {},
      });
    }
    for (const name of [...BUILT_IN_REALM_ROLES, this.defaultRoleName]) {
      if (!this.roleComposites.has(name)) this.roleComposites.set(name, { realm: [], client: {} });
    }

    /** @type {RealmClient[]} */
    this.clients = (rep.clients ?? []).filter((c) => c.clientId && c.enabled !== false && !c.bearerOnly);

    /** @type {RealmUser[]} */
    this.users = [];
    if (usersFile && existsSync(usersFile)) {
      const usersRep = readJson(usersFile);
      if (usersRep.realm && usersRep.realm !== this.name) {
        throw new Error(`dev-idp: ${usersFile} is for realm "${usersRep.realm}", not "${this.name}"`);
      }
      this.users = usersRep.users ?? [];
    }
    // Users may also be embedded in the realm file (a single-file Keycloak export).
    this.users.push(...(rep.users ?? []));
    this.usersById = new Map(this.users.map((u) => [u.id, u]));
  }

  /** @param {string} id */
  userById(id) {
    const user = this.usersById.get(id);
    return user && user.enabled !== false ? user : undefined;
  }

  /**
   * Like Keycloak: usernames are case-insensitive and, when the realm allows it,
   * the e-mail address can be used instead.
   * @param {string} login
   */
  findUser(login) {
    if (typeof login !== 'string' || !login.trim()) return undefined;
    const wanted = login.trim().toLowerCase();
    return (
      this.users.find((u) => u.username?.toLowerCase() === wanted) ??
      (this.loginWithEmailAllowed ? this.users.find((u) => u.email?.toLowerCase() === wanted) : undefined)
    );
  }

  /**
   * Returns the user when the password is right, undefined otherwise.
   * The comparison is constant-time and also runs for unknown users.
   * @param {unknown} login
   * @param {unknown} password
   */
  authenticate(login, password) {
    if (typeof login !== 'string' || typeof password !== 'string') return undefined;
    const user = this.findUser(login);
    const stored = user?.credentials?.find((c) => c.type === 'password' && typeof c.value === 'string')?.value;
    const ok = constantTimeEquals(stored ?? '\u0000no-password\u0000', password) && stored !== undefined;
    if (!ok || !user || user.enabled === false) return undefined;
    return user;
  }

  /**
   * Effective realm roles (role mappings expanded through composites), as in
   * Keycloak's `realm_access.roles`.
   * @param {RealmUser} user
   */
  realmRolesOf(user) {
    return [...this.#expand(user).realm];
  }

  /**
   * Effective client roles, as in Keycloak's `resource_access`.
   * @param {RealmUser} user
   * @returns {Record<string, { roles: string[] }>}
   */
  clientRolesOf(user) {
    const out = {};
    for (const [clientId, roles] of this.#expand(user).client) {
      if (roles.size) out[clientId] = { roles: [...roles] };
    }
    return out;
  }

  #expand(user) {
    const realm = new Set();
    /** @type {Map<string, Set<string>>} */
    const client = new Map();
    const addClientRole = (clientId, role) => {
      if (!client.has(clientId)) client.set(clientId, new Set());
      const set = client.get(clientId);
      if (set.has(role)) return;
      set.add(role);
      for (const nested of BUILT_IN_CLIENT_COMPOSITES[clientId]?.[role] ?? []) addClientRole(clientId, nested);
    };
    const addRealmRole = (role) => {
      if (realm.has(role)) return;
      realm.add(role);
      const composites = this.roleComposites.get(role);
      if (!composites) return;
      composites.realm.forEach(addRealmRole);
      for (const [clientId, roles] of Object.entries(composites.client)) {
        roles.forEach((r) => addClientRole(clientId, r));
      }
    };
    (user.realmRoles ?? []).forEach(addRealmRole);
    for (const [clientId, roles] of Object.entries(user.clientRoles ?? {})) {
      roles.forEach((r) => addClientRole(clientId, r));
    }
    return { realm, client };
  }

  /** @param {string} clientId */
  client(clientId) {
    return this.clients.find((c) => c.clientId === clientId);
  }

  /** @param {RealmClient} client */
  redirectUrisOf(client) {
    return client.redirectUris ?? [];
  }

  /** Keycloak's `post.logout.redirect.uris` attribute (`+` = same as redirect URIs, `##`-separated). */
  postLogoutRedirectUrisOf(client) {
    const attr = client.attributes?.['post.logout.redirect.uris'] ?? '+';
    const out = [];
    for (const entry of attr
      .split('##')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (entry === '+') out.push(...this.redirectUrisOf(client));
      else out.push(entry);
    }
    return out;
  }

  /** Allowed CORS origins: Keycloak's `webOrigins` (`+` = the redirect URIs' origins, `*` = any). */
  webOriginsOf(client) {
    const out = new Set();
    for (const entry of client.webOrigins ?? []) {
      if (entry === '+') {
        for (const uri of this.redirectUrisOf(client)) {
          const origin = originOf(uri);
          if (origin) out.add(origin);
        }
      } else if (entry === '*') {
        out.add('*');
      } else {
        const origin = originOf(entry);
        if (origin) out.add(origin);
      }
    }
    return out;
  }

  /** PKCE is required when the client says so (Keycloak attribute) or when it is public. */
  pkceRequired(client) {
    return Boolean(client.attributes?.['pkce.code.challenge.method']) || client.publicClient === true;
  }

  /**
   * oidc-provider static client metadata for a Keycloak client representation.
   * @param {RealmClient} client
   */
  toOidcClientMetadata(client) {
    const grantTypes = [];
    if (client.standardFlowEnabled !== false) grantTypes.push('authorization_code');
    if (client.directAccessGrantsEnabled) grantTypes.push('password');
    if (grantTypes.length) grantTypes.push('refresh_token');
    const isPublic = client.publicClient === true;
    return {
      client_id: client.clientId,
      client_name: client.name,
      ...(isPublic
        ? { token_endpoint_auth_method: 'none' }
        : { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret }),
      grant_types: grantTypes,
      response_types: grantTypes.includes('authorization_code') ? ['code'] : [],
      redirect_uris: grantTypes.includes('authorization_code') ? this.redirectUrisOf(client) : [],
      post_logout_redirect_uris: grantTypes.includes('authorization_code') ? this.postLogoutRedirectUrisOf(client) : [],
      application_type: 'web',
    };
  }
}
