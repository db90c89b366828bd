// Keycloak-compatible OpenID provider for development and tests.
//
// It serves the realm of infra/keycloak/convergences-realm.json (and the users of
// infra/keycloak/dev/convergences-users-0.json when present) at Keycloak's URL
// layout (/realms/<realm>/protocol/openid-connect/...), issuing tokens shaped
// like Keycloak's, so the rest of the platform cannot tell it from a real Keycloak.
//
//   node infra/dev-idp/src/server.js          (env: IDP_PORT, IDP_HOST, IDP_PUBLIC_URL, IDP_DATA_DIR, IDP_LOG)
//   import { startDevIdp } from '@convergences/dev-idp'
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import express from 'express';
import Provider, { errors } from 'oidc-provider';

import { FileStore, fileAdapterFactory } from './file-adapter.js';
import { loadOrCreateCookieKeys, loadOrCreateSigningKeys, signRs256, verifyRs256 } from './keys.js';
import { errorPage, loginPage, logoutPage, pickLanguage, escapeHtml } from './pages.js';
import { Realm, constantTimeEquals, uriMatches } from './realm.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '../../..');
export const DEFAULT_REALM_FILE = resolve(REPO_ROOT, 'infra/keycloak/convergences-realm.json');
export const DEFAULT_USERS_FILE = resolve(REPO_ROOT, 'infra/keycloak/dev/convergences-users-0.json');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '.data/dev-idp');

/** Internal resource indicator for Keycloak's `account` audience (must be an absolute URI). */
const ACCOUNT_RESOURCE = 'urn:convergences:dev-idp:account';
/** Scopes Keycloak adds to every token of these clients (their default client scopes). */
const DEFAULT_SCOPES = ['profile', 'email'];
const SUPPORTED_SCOPES = [
  'openid',
  'offline_access',
  'profile',
  'email',
  'roles',
  'web-origins',
  'acr',
  'basic',
  'address',
  'phone',
  'microprofile-jwt',
];

const epochTime = () => Math.floor(Date.now() / 1000);

/** Keycloak lists the default scopes in `scope` even when they were not requested. */
function withDefaultScopes(scope) {
  const scopes = new Set((scope ?? '').split(' ').filter(Boolean));
  for (const s of DEFAULT_SCOPES) scopes.add(s);
  return [...scopes].join(' ');
}

function parseCookies(header) {
  const out = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/**
 * @typedef {{ info: (...a: any[]) => void, warn: (...a: any[]) => void, error: (...a: any[]) => void }} Logger
 */

/**
 * @typedef {object} DevIdpOptions
 * @property {number} [port] TCP port, 0 for a random free port (default 8080)
 * @property {string} [host] interface to listen on (default 127.0.0.1)
 * @property {string} [issuerBaseUrl] public base URL, without path (default http://localhost:<actual port>);
 *   the issuer is `${issuerBaseUrl}/realms/<realm>`
 * @property {string} [dataDir] where keys, cookie secrets and the store live (default <repo>/.data/dev-idp)
 * @property {string} [realmFile] Keycloak realm export (default infra/keycloak/convergences-realm.json)
 * @property {string | null} [usersFile] Keycloak users file, read only when it exists; null for none
 *   (default infra/keycloak/dev/convergences-users-0.json)
 * @property {Logger} [logger] default: silent info unless IDP_LOG=1, warnings and errors on stderr
 */

/**
 * @typedef {object} DevIdp
 * @property {string} url public base URL, e.g. http://localhost:8080
 * @property {string} issuer e.g. http://localhost:8080/realms/convergences
 * @property {number} port the port actually listened on
 * @property {() => Promise<void>} close stops the server (and closes open connections)
 */

/**
 * Starts the development identity provider.
 * @param {DevIdpOptions} [options]
 * @returns {Promise<DevIdp>}
 */
export async function startDevIdp({
  port = 8080,
  host = '127.0.0.1',
  issuerBaseUrl,
  dataDir = DEFAULT_DATA_DIR,
  realmFile = DEFAULT_REALM_FILE,
  usersFile = DEFAULT_USERS_FILE,
  logger,
} = {}) {
  const verbose = process.env.IDP_LOG === '1' || process.env.IDP_LOG === 'true';
  const log = logger ?? {
    info: verbose ? (...a) => console.log('[dev-idp]', ...a) : () => {},
    warn: (...a) => console.warn('[dev-idp]', ...a),
    error: (...a) => console.error('[dev-idp]', ...a),
  };

  const realm = new Realm({ realmFile, usersFile });
  const signing = loadOrCreateSigningKeys(dataDir);
  const cookieKeys = loadOrCreateCookieKeys(dataDir);
  const store = new FileStore(resolve(dataDir, 'store'));

  // Listen first so that port 0 resolves to the real port before the issuer is built.
  const server = createServer();
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen(undefined);
    });
  });
  // Anything failing from here on must not leave the port open.
  try {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const baseUrl = (issuerBaseUrl ?? `http://localhost:${actualPort}`).replace(/\/+$/, '');
    const realmPath = `/realms/${encodeURIComponent(realm.name)}`;
    const issuer = `${baseUrl}${realmPath}`;
    // Paths as seen in the browser (IDP_PUBLIC_URL may not add a path prefix).
    const issuerPath = new URL(issuer).pathname;
    const loginActionsPath = `${issuerPath}/login-actions/authenticate`;

    const clients = [];
    for (const client of realm.clients) {
      if (client.publicClient !== true && !client.secret) {
        log.warn(`client ${client.clientId} is confidential but has no secret in the realm file: skipped`);
        continue;
      }
      clients.push(realm.toOidcClientMetadata(client));
    }
    const allowedOrigins = (clientId) => {
      const client = realm.client(clientId);
      return client ? realm.webOriginsOf(client) : new Set();
    };
    const originAllowed = (clientId, origin) => {
      const origins = allowedOrigins(clientId);
      return origins.has('*') || origins.has(origin);
    };
    const anyClientAllowsOrigin = (origin) => realm.clients.some((c) => originAllowed(c.clientId, origin));

    // CORS as Keycloak does it: for the web origins of the client concerned, the request's own
    // origin with `Access-Control-Allow-Credentials: true` (keycloak-js calls the token endpoint
    // with `credentials: 'include'`, which Chromium refuses without it), never `*`; nothing for
    // other origins. A preflight names no client: it is answered for the origins some client allows.
    const CORS_ALLOW_HEADERS =
      'Origin, Accept, X-Requested-With, Content-Type, Access-Control-Request-Method, Access-Control-Request-Headers, Authorization';
    /** @returns {Record<string, string>} */
    function corsHeaders(origin, { preflight = false, methods = 'GET, HEAD, OPTIONS', expose } = {}) {
      const headers = { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' };
      if (preflight) {
        headers['Access-Control-Allow-Methods'] = methods;
        headers['Access-Control-Allow-Headers'] = CORS_ALLOW_HEADERS;
        headers['Access-Control-Max-Age'] = '3600';
      } else if (expose) {
        headers['Access-Control-Expose-Headers'] = expose;
      }
      return headers;
    }

    /** Claims for ID tokens and userinfo, filtered by oidc-provider per scope. */
    function userClaims(user) {
      const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
      return {
        sub: user.id,
        email_verified: Boolean(user.emailVerified),
        ...(name ? { name } : {}),
        preferred_username: user.username?.toLowerCase(),
        ...(user.firstName ? { given_name: user.firstName } : {}),
        ...(user.lastName ? { family_name: user.lastName } : {}),
        ...(user.attributes?.locale?.[0] ? { locale: user.attributes.locale[0] } : {}),
        ...(user.email ? { email: user.email.toLowerCase() } : {}),
      };
    }

    async function findAccount(_ctx, sub) {
      const user = realm.userById(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        async claims() {
          return userClaims(user);
        },
      };
    }

    function resourceServerInfo() {
      return {
        scope: SUPPORTED_SCOPES.join(' '),
        audience: 'account',
        accessTokenTTL: realm.accessTokenLifespan,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      };
    }

    /** Keycloak's access token claims, added to the JWT payload by oidc-provider. */
    async function extraTokenClaims(_ctx, token) {
      const claims = {
        typ: 'Bearer',
        azp: token.clientId,
        ...(token.sid ? { sid: token.sid } : {}),
        acr: '1',
      };
      const origins = [...allowedOrigins(token.clientId)];
      if (origins.length) claims['allowed-origins'] = origins;
      const user = token.accountId ? realm.userById(token.accountId) : undefined;
      if (user) {
        claims.realm_access = { roles: realm.realmRolesOf(user) };
        claims.resource_access = realm.clientRolesOf(user);
        const { sub: _sub, ...profile } = userClaims(user);
        Object.assign(claims, profile);
      }
      return claims;
    }

    const provider = new Provider(issuer, {
      adapter: fileAdapterFactory(store, {
        resolveJwtId: (value) => verifyRs256(value, signing.publicKey, signing.kid)?.jti,
      }),
      clients,
      jwks: signing.jwks,
      cookies: { keys: cookieKeys },
      findAccount,
      scopes: SUPPORTED_SCOPES,
      claims: {
        acr: null,
        sid: null,
        auth_time: null,
        iss: null,
        openid: ['sub'],
        profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale'],
        email: ['email', 'email_verified'],
      },
      conformIdTokenClaims: false,
      responseTypes: ['code', 'none'],
      clientDefaults: {
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'RS256',
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
      pkce: {
        required: (_ctx, client) => {
          const rep = realm.client(client.clientId);
          return rep ? realm.pkceRequired(rep) : true;
        },
      },
      routes: {
        authorization: '/protocol/openid-connect/auth',
        token: '/protocol/openid-connect/token',
        jwks: '/protocol/openid-connect/certs',
        userinfo: '/protocol/openid-connect/userinfo',
        end_session: '/protocol/openid-connect/logout',
        introspection: '/protocol/openid-connect/token/introspect',
        revocation: '/protocol/openid-connect/revoke',
        pushed_authorization_request: '/protocol/openid-connect/ext/par/request',
        registration: '/clients-registrations/openid-connect',
      },
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: true },
        introspection: {
          enabled: true,
          allowedPolicy: async (_ctx, client, token) =>
            client.clientAuthMethod !== 'none' || token.clientId === client.clientId,
        },
        revocation: {
          enabled: true,
          allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
        },
        rpInitiatedLogout: {
          enabled: true,
          async logoutSource(ctx, form) {
            ctx.type = 'html';
            ctx.body = logoutPage({
              lang: langOf(ctx.oidc?.params?.ui_locales, ctx.get('accept-language')),
              realmDisplayName: realm.displayName,
              form,
            });
          },
          async postLogoutSuccessSource(ctx) {
            const lang = langOf(ctx.oidc?.params?.ui_locales, ctx.get('accept-language'));
            ctx.type = 'html';
            ctx.body = errorPage({
              lang,
              realmDisplayName: realm.displayName,
              message: lang === 'fr' ? 'Vous êtes déconnecté' : 'You are logged out',
            });
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => ACCOUNT_RESOURCE,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx, resourceIndicator) => {
            if (resourceIndicator !== ACCOUNT_RESOURCE) throw new errors.InvalidTarget();
            return resourceServerInfo();
          },
        },
      },
      extraTokenClaims,
      formats: {
        customizers: {
          // Keycloak's access tokens: `typ: JWT` header, no `client_id` claim, default scopes listed.
          async jwt(_ctx, _token, jwt) {
            jwt.header = { typ: 'JWT' };
            delete jwt.payload.client_id;
            jwt.payload.scope = withDefaultScopes(jwt.payload.scope);
          },
        },
      },
      interactions: {
        url: async (_ctx, interaction) => `${loginActionsPath}/${interaction.uid}`,
      },
      // Like Keycloak, requests from other origins are served, only without CORS headers: the
      // middleware below (applyProviderCors) sets them for the origins the client allows.
      clientBasedCORS: () => true,
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      // Like Keycloak's default (revokeRefreshToken: false): a refresh token stays usable after use.
      rotateRefreshToken: false,
      ttl: {
        AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? realm.accessTokenLifespan,
        AuthorizationCode: realm.accessCodeLifespan,
        IdToken: realm.accessTokenLifespan,
        RefreshToken: (_ctx, token) =>
          token.scopes?.has('offline_access') ? realm.offlineSessionIdleTimeout : realm.ssoSessionIdleTimeout,
        Interaction: realm.accessCodeLifespanLogin,
        Session: realm.ssoSessionMaxLifespan,
        Grant: Math.max(realm.ssoSessionMaxLifespan, realm.offlineSessionIdleTimeout),
      },
      async renderError(ctx, out) {
        ctx.type = 'html';
        ctx.body = errorPage({
          lang: langOf(undefined, ctx.get('accept-language')),
          realmDisplayName: realm.displayName,
          message: out.error_description || out.error,
        });
      },
    });

    function langOf(explicit, acceptLanguage) {
      return pickLanguage({ explicit, acceptLanguage, supported: realm.supportedLocales });
    }

    // oidc-provider has no redirect URI wildcards: use Keycloak's `/*` prefix matching.
    provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
      return uriMatches(value, this.redirectUris ?? []);
    };
    provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(value) {
      return uriMatches(value, this.postLogoutRedirectUris ?? []);
    };
    // Keycloak puts the session id (`sid`) in every token, not only for back-channel logout clients.
    provider.Client.prototype.includeSid = function includeSid() {
      return true;
    };

    // oidc-provider does not store JWT access tokens; store them too (under their jti,
    // the adapter resolves a JWT to its jti) so that introspection, revocation, logout
    // and the userinfo endpoint know whether a token is still valid, as Keycloak does.
    const saveAccessToken = provider.AccessToken.prototype.save;
    provider.AccessToken.prototype.save = async function save() {
      const value = await saveAccessToken.call(this);
      if (this.format === 'jwt' && typeof value === 'string') {
        const claims = JSON.parse(Buffer.from(value.split('.')[1], 'base64url').toString('utf8'));
        const record = {
          iat: claims.iat,
          exp: claims.exp,
          jti: this.jti,
          kind: 'AccessToken',
          clientId: this.clientId,
          accountId: this.accountId,
          grantId: this.grantId,
          gty: this.gty,
          scope: claims.scope,
          sid: this.sid,
          sessionUid: this.sessionUid,
          expiresWithSession: this.expiresWithSession,
          aud: this.aud,
          extra: this.extra,
          'x5t#S256': this['x5t#S256'],
          jkt: this.jkt,
        };
        await this.adapter.upsert(
          this.jti,
          Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)),
          Math.max(1, claims.exp - epochTime()),
        );
      }
      return value;
    };

    // Refresh tokens as signed JWTs. Keycloak's refresh tokens are JWTs (`typ: Refresh`, or
    // `Offline` with offline_access) and keycloak-js decodes them; oidc-provider's are opaque.
    // Token responses carry a JWT, signed with the realm key, whose `jti` references the opaque
    // token (token.jti is the opaque value). A refresh token coming back (refresh grant,
    // introspection, revocation) must be such a JWT: it is verified (signature, issuer, type,
    // expiry) and resolved to the stored opaque token, which oidc-provider then handles as usual.
    // The opaque values never leave the provider, and are not accepted on their own.
    const findOpaqueRefreshToken = provider.RefreshToken.find.bind(provider.RefreshToken);

    /** The claims of a valid refresh token JWT of this realm, or undefined. */
    function refreshJwtClaims(value) {
      const claims = verifyRs256(value, signing.publicKey, signing.kid);
      if (!claims || claims.iss !== issuer || claims.aud !== issuer) return undefined;
      if (claims.typ !== 'Refresh' && claims.typ !== 'Offline') return undefined;
      if (typeof claims.jti !== 'string' || !claims.jti || typeof claims.azp !== 'string') return undefined;
      if (typeof claims.exp !== 'number' || claims.exp <= epochTime()) return undefined;
      return claims;
    }

    /** The stored refresh token a refresh token JWT stands for (undefined when invalid or unknown). */
    async function findRefreshToken(value, options) {
      const claims = refreshJwtClaims(value);
      if (!claims) return undefined;
      const token = await findOpaqueRefreshToken(claims.jti, options);
      if (!token || token.clientId !== claims.azp || token.accountId !== claims.sub) return undefined;
      return token;
    }
    // oidc-provider's refresh_token grant looks its token up here: hand it the opaque one.
    provider.RefreshToken.find = findRefreshToken;

    /** Keycloak's refresh token for a stored (opaque) refresh token. */
    function refreshJwtFor(token) {
      const claims = {
        exp: token.exp,
        iat: epochTime(),
        jti: token.jti,
        iss: issuer,
        aud: issuer,
        sub: token.accountId,
        typ: token.scopes.has('offline_access') ? 'Offline' : 'Refresh',
        azp: token.clientId,
        sid: token.sid,
        scope: withDefaultScopes(token.scope),
      };
      return signRs256(
        Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined)),
        signing.privateKey,
        signing.kid,
      );
    }

    // Keycloak's direct access grant (resource owner password credentials).
    provider.registerGrantType(
      'password',
      async (ctx) => {
        const { client, params } = ctx.oidc;
        const user = realm.authenticate(params.username, params.password);
        if (!user) throw new errors.CustomOIDCProviderError('invalid_grant', 'Invalid user credentials');

        const requested = String(params.scope ?? '')
          .split(' ')
          .filter(Boolean);
        const unknown = requested.filter((s) => !SUPPORTED_SCOPES.includes(s));
        if (unknown.length)
          throw new errors.CustomOIDCProviderError('invalid_scope', `Invalid scopes: ${unknown.join(' ')}`);
        const scope = withDefaultScopes(requested.join(' '));

        const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
        grant.addOIDCScope(scope);
        grant.addResourceScope(ACCOUNT_RESOURCE, scope);
        const grantId = await grant.save();
        const account = await findAccount(ctx, user.id);
        ctx.oidc.entity('Account', account);
        ctx.oidc.entity('Grant', grant);

        const sid = randomUUID();
        const authTime = epochTime();
        const at = new provider.AccessToken({
          accountId: user.id,
          client,
          grantId,
          gty: 'password',
          scope,
          sid,
          expiresWithSession: false,
        });
        at.resourceServer = new provider.ResourceServer(ACCOUNT_RESOURCE, resourceServerInfo());
        ctx.oidc.entity('AccessToken', at);
        const accessToken = await at.save();

        let refreshToken;
        if (client.grantTypeAllowed('refresh_token')) {
          const rt = new provider.RefreshToken({
            accountId: user.id,
            client,
            grantId,
            gty: 'password',
            scope,
            resource: ACCOUNT_RESOURCE,
            sid,
            authTime,
            amr: ['pwd'],
            acr: '1',
            expiresWithSession: false,
            rotations: 0,
          });
          ctx.oidc.entity('RefreshToken', rt);
          refreshToken = await rt.save();
        }

        let idToken;
        if (scope.split(' ').includes('openid')) {
          const token = new provider.IdToken({ ...(await account.claims()), auth_time: authTime, acr: '1' }, { ctx });
          token.scope = scope;
          token.set('sid', sid);
          idToken = await token.issue({ use: 'idtoken' });
        }

        ctx.body = {
          access_token: accessToken,
          expires_in: at.expiration,
          refresh_token: refreshToken,
          token_type: 'Bearer',
          id_token: idToken,
          scope,
        };
      },
      ['username', 'password', 'scope', 'client_id'],
    );

    /** Why the last grant request failed (oidc-provider's error_detail), for Keycloak's error messages. */
    const grantErrors = new WeakMap();
    provider.on('grant.error', (ctx, err) => grantErrors.set(ctx, err));

    /** Keycloak's error descriptions for a refresh grant that failed. */
    function refreshErrorDescription(detail) {
      if (detail === 'client mismatch') return 'Unmatching clients';
      if (detail === 'refresh token is expired') return 'Token is not active';
      if (/^grant (not found|is expired)|session/.test(detail ?? '')) return 'Session not active';
      return 'Invalid refresh token';
    }

    /** Token responses shaped like Keycloak's (JWT refresh token, refresh_expires_in, not-before-policy, session_state). */
    async function shapeTokenResponse(ctx) {
      if (
        ctx.status === 400 &&
        ctx.body?.error === 'invalid_request' &&
        ctx.body.error_description === 'requested grant type is not allowed for this client'
      ) {
        ctx.body = {
          error: 'unauthorized_client',
          error_description:
            ctx.oidc.params?.grant_type === 'password'
              ? 'Client not allowed for direct access grants'
              : 'Client not allowed for this grant type',
        };
        return;
      }
      if (
        ctx.status === 400 &&
        ctx.body?.error === 'invalid_grant' &&
        ctx.oidc.params?.grant_type === 'refresh_token'
      ) {
        ctx.body = {
          error: 'invalid_grant',
          error_description: refreshErrorDescription(grantErrors.get(ctx)?.error_detail),
        };
        return;
      }
      if (ctx.status !== 200 || !ctx.body?.access_token) return;
      const body = ctx.body;
      // The stored token (exact `exp`), whichever grant issued or used it.
      const entity = ctx.oidc.entities.RefreshToken;
      const rt = body.refresh_token && entity ? await findOpaqueRefreshToken(entity.jti) : undefined;
      const sid = ctx.oidc.entities.AccessToken?.sid ?? rt?.sid;
      ctx.body = Object.fromEntries(
        Object.entries({
          access_token: body.access_token,
          expires_in: body.expires_in,
          refresh_expires_in: rt ? Math.max(0, rt.remainingTTL) : 0,
          refresh_token: rt ? refreshJwtFor(rt) : undefined,
          token_type: body.token_type ?? 'Bearer',
          id_token: body.id_token,
          'not-before-policy': 0,
          session_state: sid,
          scope: withDefaultScopes(body.scope),
        }).filter(([, v]) => v !== undefined),
      );
    }

    const PROVIDER_CORS_ROUTES = new Set([
      'token',
      'jwks',
      'discovery',
      'end_session',
      'end_session_confirm',
      'end_session_success',
    ]);
    /** CORS headers of the endpoints oidc-provider answers (see corsHeaders). */
    function applyProviderCors(ctx) {
      const route = ctx.oidc?.route;
      if (!PROVIDER_CORS_ROUTES.has(route)) return;
      for (const name of Object.keys(ctx.response.headers)) {
        if (name.toLowerCase().startsWith('access-control-')) ctx.remove(name);
      }
      ctx.vary('Origin');
      const origin = ctx.get('origin');
      if (!origin) return;
      if (route === 'jwks' || route === 'discovery') {
        // Public documents: readable from anywhere, with credentials from the realm's web origins.
        ctx.set(anyClientAllowsOrigin(origin) ? corsHeaders(origin) : { 'Access-Control-Allow-Origin': origin });
        return;
      }
      const client = ctx.oidc.client;
      const allowed = client
        ? originAllowed(client.clientId, origin)
        : route !== 'token' && anyClientAllowsOrigin(origin);
      if (allowed) ctx.set(corsHeaders(origin));
    }

    provider.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route === 'token') await shapeTokenResponse(ctx);
      applyProviderCors(ctx);
    });

    provider.on('server_error', (_ctx, err) => log.error('server error:', err));
    if (verbose) {
      provider.on('grant.error', (_ctx, err) => log.info('grant error:', err.message, err.error_detail ?? ''));
      provider.on('authorization.error', (_ctx, err) =>
        log.info('authorization error:', err.message, err.error_detail ?? ''),
      );
    }

    // ---------------------------------------------------------------- interactions

    /** Creates (or extends) the grant of an interaction: consent is automatic (first-party clients). */
    async function ensureGrant(details, accountId) {
      let grant;
      if (details.grantId) {
        grant = await provider.Grant.find(details.grantId);
        if (grant && grant.accountId !== accountId) grant = undefined;
      }
      grant ??= new provider.Grant({ accountId, clientId: details.params.client_id });
      const requested = String(details.params.scope ?? '')
        .split(' ')
        .filter((s) => SUPPORTED_SCOPES.includes(s));
      const scope = withDefaultScopes(['openid', ...requested].join(' '));
      grant.addOIDCScope(scope);
      grant.addResourceScope(ACCOUNT_RESOURCE, scope);
      const missing = details.prompt?.details ?? {};
      if (Array.isArray(missing.missingOIDCScope)) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (Array.isArray(missing.missingOIDCClaims)) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      return grant.save();
    }

    function pageLanguage(req, details) {
      const query = typeof req.query?.kc_locale === 'string' ? req.query.kc_locale : undefined;
      const cookie = parseCookies(req.headers.cookie).KEYCLOAK_LOCALE;
      return langOf(query ?? cookie ?? details?.params?.ui_locales, req.get('accept-language'));
    }

    function renderLogin(req, res, details, { error = false, username = '' } = {}) {
      const lang = pageLanguage(req, details);
      if (typeof req.query?.kc_locale === 'string') {
        res.cookie('KEYCLOAK_LOCALE', lang, { path: `${issuerPath}/`, httpOnly: true, sameSite: 'lax' });
      }
      const action = `${loginActionsPath}/${details.uid}`;
      res
        .status(200)
        .type('html')
        .set('Cache-Control', 'no-store, must-revalidate, max-age=0')
        .send(
          loginPage({
            lang,
            action,
            realmDisplayName: realm.displayName,
            username,
            error,
            localeLinks:
              realm.supportedLocales.length > 1
                ? realm.supportedLocales.map((l) => ({ lang: l, href: `${action}?kc_locale=${encodeURIComponent(l)}` }))
                : [],
          }),
        );
    }

    function renderExpired(req, res) {
      res
        .status(400)
        .type('html')
        .send(errorPage({ lang: pageLanguage(req, undefined), realmDisplayName: realm.displayName, expired: true }));
    }

    async function interactionDetailsOrExpired(req, res) {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== req.params.uid) {
          renderExpired(req, res);
          return undefined;
        }
        return details;
      } catch (err) {
        if (err instanceof errors.SessionNotFound) {
          renderExpired(req, res);
          return undefined;
        }
        throw err;
      }
    }

    const app = express();
    app.disable('x-powered-by');
    app.set('query parser', 'simple');

    if (verbose) {
      app.use((req, res, next) => {
        const start = process.hrtime.bigint();
        res.on('finish', () => {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          log.info(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`);
        });
        next();
      });
    }

    app.get(['/health', '/health/ready', '/health/live'], (_req, res) => {
      res.json({ status: 'UP', checks: [] });
    });

    // Keycloak's realm info (fetched by keycloak-connect, among others).
    app.get(realmPath, (req, res) => {
      const origin = req.get('origin');
      res.vary('Origin');
      res.set(origin && anyClientAllowsOrigin(origin) ? corsHeaders(origin) : { 'Access-Control-Allow-Origin': '*' });
      res.json({
        realm: realm.name,
        public_key: signing.publicKeySpki,
        'token-service': `${issuer}/protocol/openid-connect`,
        'account-service': `${issuer}/account`,
        'tokens-not-before': 0,
      });
    });

    // keycloak-js probes third-party cookies before using its session iframe: answer
    // "unsupported" so that it falls back to plain redirects instead of waiting.
    app.get(`${realmPath}/protocol/openid-connect/3p-cookies/step1.html`, (_req, res) => {
      res
        .type('html')
        .send(
          '<!DOCTYPE html><html><body><script>window.parent.postMessage("unsupported", "*");</script></body></html>',
        );
    });

    // CORS preflights of the endpoints browsers call (Keycloak answers them for any origin; here
    // only for the realm's web origins, as a preflight does not say which client is calling).
    const openidConnectPath = `${realmPath}/protocol/openid-connect`;
    const preflights = {
      [`${openidConnectPath}/token`]: 'POST, OPTIONS',
      [`${openidConnectPath}/userinfo`]: 'GET, POST, OPTIONS',
      [`${openidConnectPath}/certs`]: 'GET, OPTIONS',
      [`${openidConnectPath}/logout`]: 'GET, HEAD, OPTIONS',
      [`${openidConnectPath}/token/introspect`]: 'POST, OPTIONS',
      [`${openidConnectPath}/revoke`]: 'POST, OPTIONS',
      [`${realmPath}/.well-known/openid-configuration`]: 'GET, OPTIONS',
    };
    for (const [path, methods] of Object.entries(preflights)) {
      app.options(path, (req, res) => {
        const origin = req.get('origin');
        res.vary('Origin');
        if (origin && anyClientAllowsOrigin(origin)) res.set(corsHeaders(origin, { preflight: true, methods }));
        res.status(200).end();
      });
    }

    // UserInfo for the JWT access tokens (oidc-provider's own endpoint only takes
    // audience-less tokens): accepts a Bearer header or an access_token form field.
    const userinfoPath = `${openidConnectPath}/userinfo`;
    /** CORS for the token's client once known (Keycloak: the token's allowed origins), else for the realm's. */
    const userinfoCors = (req, res, clientId) => {
      const origin = req.get('origin');
      res.vary('Origin');
      for (const name of Object.keys(res.getHeaders())) {
        if (name.startsWith('access-control-')) res.removeHeader(name);
      }
      const allowed = clientId ? originAllowed(clientId, origin) : anyClientAllowsOrigin(origin);
      if (origin && allowed) res.set(corsHeaders(origin, { expose: 'WWW-Authenticate' }));
    };
    const userinfo = async (req, res) => {
      userinfoCors(req, res);
      res.set('Cache-Control', 'no-store');
      const auth = req.get('authorization') ?? '';
      const token = /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() : req.body?.access_token;
      const fail = (status, error, description) => {
        res.set(
          'WWW-Authenticate',
          `Bearer realm="${realm.name}", error="${error}", error_description="${description}"`,
        );
        res.status(status).json({ error, error_description: description });
      };
      if (!token) return fail(401, 'invalid_request', 'Token not provided');
      const payload = verifyRs256(token, signing.publicKey, signing.kid);
      if (!payload || payload.iss !== issuer || payload.typ !== 'Bearer' || !(payload.exp > epochTime())) {
        return fail(401, 'invalid_token', 'Token verification failed');
      }
      const stored = await provider.AccessToken.find(token);
      const user = payload.sub ? realm.userById(payload.sub) : undefined;
      if (!stored || !user) return fail(401, 'invalid_token', 'Token verification failed');
      userinfoCors(req, res, payload.azp);
      if (
        !String(payload.scope ?? '')
          .split(' ')
          .includes('openid')
      ) {
        return fail(403, 'insufficient_scope', 'Missing openid scope');
      }
      return res.json(userClaims(user));
    };
    app.get(userinfoPath, userinfo);
    app.post(userinfoPath, express.urlencoded({ extended: false }), userinfo);

    // Introspection and revocation. oidc-provider refuses structured (JWT) tokens
    // there, while Keycloak's access tokens are JWTs: these endpoints are answered
    // here, for JWT access tokens and refresh tokens alike, in Keycloak's shape.
    async function authenticateClient(req, params) {
      let clientId = typeof params.client_id === 'string' ? params.client_id : undefined;
      let secret = typeof params.client_secret === 'string' ? params.client_secret : undefined;
      const auth = req.get('authorization') ?? '';
      if (/^basic\s+/i.test(auth)) {
        const decoded = Buffer.from(auth.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        if (i > 0) {
          clientId = decodeURIComponent(decoded.slice(0, i));
          secret = decodeURIComponent(decoded.slice(i + 1));
        }
      }
      if (!clientId) return undefined;
      const client = await provider.Client.find(clientId).catch(() => undefined);
      if (!client) return undefined;
      if (client.clientAuthMethod === 'none') return client;
      return secret !== undefined && constantTimeEquals(client.clientSecret ?? '', secret) ? client : undefined;
    }

    /**
     * A valid, unrevoked access token or refresh token (both JWTs; a refresh token stands for a
     * stored opaque one), with the JWT's claims.
     * @returns {Promise<{ token: any, claims: Record<string, any> } | undefined>}
     */
    async function findValidToken(value) {
      if (typeof value !== 'string' || value.split('.').length !== 3) return undefined;
      const claims = verifyRs256(value, signing.publicKey, signing.kid);
      if (!claims || claims.iss !== issuer) return undefined;
      let token;
      if (claims.typ === 'Refresh' || claims.typ === 'Offline') token = await findRefreshToken(value);
      else if (claims.typ === 'Bearer') token = await provider.AccessToken.find(value);
      if (!token?.isValid) return undefined;
      if (token.grantId) {
        const grant = await provider.Grant.find(token.grantId);
        if (!grant || grant.clientId !== token.clientId || grant.accountId !== token.accountId) return undefined;
      }
      return { token, claims };
    }

    /** CORS for the origins of the authenticated client (none before it is known). */
    const tokenManagementCors = (req, res, client) => {
      const origin = req.get('origin');
      res.vary('Origin');
      if (origin && client && originAllowed(client.clientId, origin)) res.set(corsHeaders(origin));
    };
    const introspectPath = `${openidConnectPath}/token/introspect`;
    const revokePath = `${openidConnectPath}/revoke`;

    app.post(introspectPath, express.urlencoded({ extended: false }), async (req, res, next) => {
      try {
        res.set('Cache-Control', 'no-store');
        const params = req.body ?? {};
        const client = await authenticateClient(req, params);
        tokenManagementCors(req, res, client);
        if (!client)
          return res.status(401).json({ error: 'invalid_client', error_description: 'Authentication failed.' });
        if (typeof params.token !== 'string' || !params.token) {
          return res.status(400).json({ error: 'invalid_request', error_description: 'Token not provided.' });
        }
        const found = await findValidToken(params.token);
        // Public clients only see their own tokens (confidential ones see all, as in Keycloak).
        if (!found || (client.clientAuthMethod === 'none' && found.token.clientId !== client.clientId)) {
          return res.json({ active: false });
        }
        const { token, claims } = found;
        const user = token.accountId ? realm.userById(token.accountId) : undefined;
        return res.json({
          ...claims,
          client_id: token.clientId,
          username: user?.username?.toLowerCase(),
          ...(token.kind === 'AccessToken' ? { token_type: 'Bearer' } : {}),
          active: true,
        });
      } catch (err) {
        return next(err);
      }
    });

    app.post(revokePath, express.urlencoded({ extended: false }), async (req, res, next) => {
      try {
        res.set('Cache-Control', 'no-store');
        const params = req.body ?? {};
        const client = await authenticateClient(req, params);
        tokenManagementCors(req, res, client);
        if (!client)
          return res.status(401).json({ error: 'invalid_client', error_description: 'Authentication failed.' });
        if (typeof params.token !== 'string' || !params.token) {
          return res.status(400).json({ error: 'invalid_request', error_description: 'Token not provided.' });
        }
        const found = await findValidToken(params.token);
        if (found) {
          if (found.token.clientId !== client.clientId) {
            return res.status(400).json({ error: 'invalid_request', error_description: 'Unmatching clients' });
          }
          if (found.token.kind === 'RefreshToken') {
            // Revoking a refresh token ends what it was issued for, its access tokens included.
            await provider.RefreshToken.adapter.revokeByGrantId(found.token.grantId);
            const grant = await provider.Grant.find(found.token.grantId);
            await grant?.destroy();
          } else {
            await found.token.destroy();
          }
        }
        return res.status(200).end();
      } catch (err) {
        return next(err);
      }
    });

    // Login page (oidc-provider interactions), with Keycloak's element ids.
    app.get(`${loginActionsPath}/:uid`, async (req, res, next) => {
      try {
        const details = await interactionDetailsOrExpired(req, res);
        if (!details) return;
        if (details.prompt.name === 'login') return renderLogin(req, res, details);
        if (details.prompt.name === 'consent') {
          const grantId = await ensureGrant(details, details.session?.accountId);
          return await provider.interactionFinished(
            req,
            res,
            { consent: { grantId } },
            { mergeWithLastSubmission: true },
          );
        }
        return await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: `unsupported prompt ${details.prompt.name}` },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        return next(err);
      }
    });

    app.post(`${loginActionsPath}/:uid`, express.urlencoded({ extended: false }), async (req, res, next) => {
      try {
        const details = await interactionDetailsOrExpired(req, res);
        if (!details) return;
        if (details.prompt.name !== 'login') {
          const grantId = await ensureGrant(details, details.session?.accountId);
          return await provider.interactionFinished(
            req,
            res,
            { consent: { grantId } },
            { mergeWithLastSubmission: true },
          );
        }
        const username = typeof req.body?.username === 'string' ? req.body.username : '';
        const user = realm.authenticate(username, req.body?.password);
        if (!user) return renderLogin(req, res, details, { error: true, username });
        const grantId = await ensureGrant(details, user.id);
        return await provider.interactionFinished(
          req,
          res,
          {
            login: { accountId: user.id, amr: ['pwd'], acr: '1', remember: true },
            consent: { grantId },
          },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        return next(err);
      }
    });

    app.use(realmPath, provider.callback());

    app.use((req, res) => {
      res.status(404).json({ error: 'Unable to find matching target resource method' });
    });
    app.use((err, req, res, _next) => {
      log.error(`${req.method} ${req.originalUrl}:`, err);
      if (!res.headersSent) {
        res
          .status(500)
          .type('html')
          .send(`<!DOCTYPE html><p>${escapeHtml(err?.message ?? 'Internal error')}</p>`);
      }
    });

    server.on('request', app);
    const sweeper = setInterval(() => {
      try {
        store.sweep();
      } catch (err) {
        log.warn('store cleanup failed:', err);
      }
    }, 60_000);
    sweeper.unref();

    log.info(
      `realm "${realm.name}" with ${realm.clients.length} client(s) and ${realm.users.length} user(s); issuer ${issuer}`,
    );

    let closing;
    return {
      url: baseUrl,
      issuer,
      port: actualPort,
      close() {
        closing ??= new Promise((resolveClose) => {
          clearInterval(sweeper);
          server.close(() => {
            store.close();
            resolveClose(undefined);
          });
          server.closeAllConnections();
        });
        return closing;
      },
    };
  } catch (err) {
    server.close();
    server.closeAllConnections();
    store.close();
    throw err;
  }
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isMain()) {
  const port = process.env.IDP_PORT !== undefined && process.env.IDP_PORT !== '' ? Number(process.env.IDP_PORT) : 8080;
  const idp = await startDevIdp({
    port,
    host: process.env.IDP_HOST || '127.0.0.1',
    issuerBaseUrl: process.env.IDP_PUBLIC_URL || undefined,
    dataDir: process.env.IDP_DATA_DIR ? resolve(process.env.IDP_DATA_DIR) : DEFAULT_DATA_DIR,
    realmFile: process.env.IDP_REALM_FILE ? resolve(process.env.IDP_REALM_FILE) : DEFAULT_REALM_FILE,
  });
  // Parsed by tests and scripts: keep this line's format.
  process.stdout.write(`listening ${idp.url}\nissuer ${idp.issuer}\n`);
  const stop = () => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
