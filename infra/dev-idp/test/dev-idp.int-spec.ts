// Integration tests of the development identity provider, against the real
// provider over real HTTP. The provider is an ES module, which CommonJS jest
// cannot import, so each test suite starts `node src/server.js` as a child
// process with IDP_PORT=0 and reads the `listening <url>` line it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SERVER = resolve(__dirname, '../src/server.js');
const REALM = 'convergences';
const ADMIN_CLIENT = 'convergences-admin';
const CLI_CLIENT = 'convergences-cli';
const ADMIN_ORIGIN = 'http://localhost:5173';
const REDIRECT_URI = `${ADMIN_ORIGIN}/auth/callback`;

interface RunningIdp {
  url: string;
  issuer: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

async function startIdp(dataDir: string, port = 0): Promise<RunningIdp> {
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      IDP_PORT: String(port),
      IDP_HOST: '127.0.0.1',
      IDP_DATA_DIR: dataDir,
      IDP_PUBLIC_URL: '',
      IDP_LOG: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };

  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    let stdout = '';
    const timer = setTimeout(() => rejectUrl(new Error(`dev-idp did not start in time\n${stderr}`)), 10000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^listening (\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectUrl(new Error(`dev-idp exited with code ${code}\n${stderr}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { url, issuer: `${url}/realms/${REALM}`, stop };
}

function b64json(part: string): any {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** Verifies an RS256 JWT against the provider's certs endpoint (Node's crypto, no library). */
async function verifyJwt(token: string, certsUrl: string): Promise<{ header: any; payload: any }> {
  const [h, p, s] = token.split('.');
  const header = b64json(h);
  const res = await fetch(certsUrl);
  expect(res.status).toBe(200);
  const { keys } = (await res.json()) as { keys: Array<JsonWebKey & { kid: string }> };
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no key ${header.kid} in ${certsUrl}`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) {
    throw new Error('bad JWT signature');
  }
  return { header, payload: b64json(p) };
}

function form(data: Record<string, string>): URLSearchParams {
  return new URLSearchParams(data);
}

async function passwordGrant(idp: RunningIdp, username: string, password: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: form({ grant_type: 'password', client_id: CLI_CLIENT, username, password, ...extra }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Minimal cookie-keeping HTTP client that does not follow redirects by itself. */
class Browser {
  cookies = new Map<string, string>();

  constructor(private readonly acceptLanguage: string) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('accept-language', this.acceptLanguage);
    if (this.cookies.size) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now());
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Follows redirects until a non-redirect response or a redirect to `stopAt`. */
  async follow(url: string, init: RequestInit = {}, stopAt = ADMIN_ORIGIN): Promise<{ res: Response; url: string }> {
    let current = url;
    let res = await this.request(current, init);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops += 1) {
      if (hops > 10) throw new Error('too many redirects');
      const location = new URL(res.headers.get('location')!, current).href;
      if (location.startsWith(stopAt)) return { res, url: location };
      await res.arrayBuffer();
      current = location;
      res = await this.request(current);
    }
    return { res, url: current };
  }
}

function formAction(html: string, formId: string, base: string): string {
  const tag = new RegExp(`<form[^>]*id="${formId.replace('.', '\\.')}"[^>]*>`).exec(html)?.[0];
  const action = tag && /action="([^"]+)"/.exec(tag)?.[1];
  if (!action) throw new Error(`form ${formId} not found in:\n${html}`);
  return new URL(action.replaceAll('&amp;', '&'), base).href;
}

const ids = {
  admin: 'c0a8e7a2-5b1d-4c3e-9f10-1a2b3c4d5e01',
  alice: 'c0a8e7a2-5b1d-4c3e-9f10-1a2b3c4d5e04',
};

/** Signs in on the admin client's login page and exchanges the code from `origin`, as keycloak-js does. */
async function codeFlowTokenResponse(idp: RunningIdp, username: string, origin = ADMIN_ORIGIN): Promise<Response> {
  const browser = new Browser('en');
  const verifier = randomBytes(32).toString('base64url');
  const auth = new URL(`${idp.issuer}/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: ADMIN_CLIENT,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const page = await browser.follow(auth.href);
  const action = formAction(await page.res.text(), 'kc-form-login', page.url);
  const done = await browser.follow(action, { method: 'POST', body: form({ username, password: username }) });
  const code = new URL(done.url).searchParams.get('code');
  if (!code) throw new Error(`no code in ${done.url}`);
  return fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { origin },
    body: form({
      grant_type: 'authorization_code',
      client_id: ADMIN_CLIENT,
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }),
  });
}

/** The CORS headers of a response (lower-case names). */
function corsOf(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')));
}

function refreshGrant(idp: RunningIdp, clientId: string, refreshToken: string, headers: Record<string, string> = {}) {
  return fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers,
    body: form({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken }),
  });
}

afterAll(async () => {
  // Safety net: never leave a provider running.
  for (const child of running) child.kill('SIGKILL');
});

describe('dev-idp (Keycloak-compatible provider)', () => {
  let dataDir: string;
  let idp: RunningIdp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dev-idp-test-'));
    idp = await startIdp(dataDir);
  });

  afterAll(async () => {
    await idp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the discovery document with Keycloak endpoint paths', async () => {
    const res = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, any>;
    const p = `${idp.issuer}/protocol/openid-connect`;
    expect(doc.issuer).toBe(idp.issuer);
    expect(doc).toMatchObject({
      authorization_endpoint: `${p}/auth`,
      token_endpoint: `${p}/token`,
      jwks_uri: `${p}/certs`,
      userinfo_endpoint: `${p}/userinfo`,
      end_session_endpoint: `${p}/logout`,
      introspection_endpoint: `${p}/token/introspect`,
      revocation_endpoint: `${p}/revoke`,
    });
    expect(doc.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'password']),
    );
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);

    const health = await fetch(`${idp.url}/health`);
    expect(health.status).toBe(200);

    const info = (await (await fetch(idp.issuer)).json()) as Record<string, any>;
    expect(info).toMatchObject({
      realm: REALM,
      'token-service': `${p}`,
      'account-service': `${idp.issuer}/account`,
      'tokens-not-before': 0,
    });
    const spki = createPublicKey({ key: Buffer.from(info.public_key, 'base64'), format: 'der', type: 'spki' });
    expect(spki.asymmetricKeyType).toBe('rsa');

    const certs = (await (await fetch(`${p}/certs`)).json()) as { keys: any[] };
    expect(certs.keys).toHaveLength(1);
    expect(certs.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(certs.keys[0].d).toBeUndefined();
  });

  it('issues RS256 JWT access tokens with Keycloak claims on the password grant', async () => {
    const { status, body } = await passwordGrant(idp, 'alice', 'alice');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: expect.any(String),
      refresh_expires_in: expect.any(Number),
      scope: expect.stringContaining('profile'),
    });
    expect(body.refresh_expires_in).toBeGreaterThan(0);

    const { header, payload } = await verifyJwt(body.access_token, `${idp.issuer}/protocol/openid-connect/certs`);
    expect(header.alg).toBe('RS256');
    expect(payload).toMatchObject({
      iss: idp.issuer,
      sub: ids.alice,
      aud: 'account',
      azp: CLI_CLIENT,
      typ: 'Bearer',
      preferred_username: 'alice',
      email: 'alice@convergences.test',
      email_verified: true,
      given_name: 'Alice',
      family_name: 'Martin',
      name: 'Alice Martin',
      locale: 'fr',
      sid: expect.any(String),
      jti: expect.any(String),
    });
    expect(payload.exp - payload.iat).toBe(300);
    expect(payload.realm_access.roles).toEqual(expect.arrayContaining(['participant', 'default-roles-convergences']));
    expect(payload.realm_access.roles).not.toContain('admin');
    expect(payload.resource_access.account.roles).toEqual(expect.arrayContaining(['manage-account', 'view-profile']));

    const admin = await passwordGrant(idp, 'admin', 'admin');
    expect(admin.status).toBe(200);
    const adminToken = await verifyJwt(admin.body.access_token, `${idp.issuer}/protocol/openid-connect/certs`);
    expect(adminToken.payload.sub).toBe(ids.admin);
    expect(adminToken.payload.realm_access.roles).toEqual(expect.arrayContaining(['admin', 'participant']));

    // Keycloak also accepts the e-mail address, whatever the case of the user name.
    const byEmail = await passwordGrant(idp, 'Alice@Convergences.test', 'alice');
    expect(byEmail.status).toBe(200);
  });

  it('rejects wrong credentials and unknown clients like Keycloak', async () => {
    const wrong = await passwordGrant(idp, 'alice', 'not-her-password');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });

    const unknownUser = await passwordGrant(idp, 'nobody', 'nobody');
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.error).toBe('invalid_grant');

    const res = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: form({ grant_type: 'password', client_id: 'no-such-client', username: 'alice', password: 'alice' }),
    });
    expect([400, 401]).toContain(res.status);
    expect(((await res.json()) as any).error).toBe('invalid_client');

    // The admin client has no direct access grant.
    const notAllowed = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: form({ grant_type: 'password', client_id: ADMIN_CLIENT, username: 'alice', password: 'alice' }),
    });
    expect(notAllowed.status).toBe(400);
    expect(await notAllowed.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Client not allowed for direct access grants',
    });
  });

  it('refreshes tokens, introspects and revokes them', async () => {
    const first = await passwordGrant(idp, 'bob', 'bob', { scope: 'openid' });
    expect(first.status).toBe(200);
    expect(first.body.id_token).toEqual(expect.any(String));

    const res = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: form({ grant_type: 'refresh_token', client_id: CLI_CLIENT, refresh_token: first.body.refresh_token }),
    });
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as any;
    expect(refreshed).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String), expires_in: 300 });
    const { payload } = await verifyJwt(refreshed.access_token, `${idp.issuer}/protocol/openid-connect/certs`);
    expect(payload).toMatchObject({ preferred_username: 'bob', locale: 'en', azp: CLI_CLIENT, aud: 'account' });
    expect(payload.jti).not.toBe(b64json(first.body.access_token.split('.')[1]).jti);

    const introspect = async (token: string) => {
      const r = await fetch(`${idp.issuer}/protocol/openid-connect/token/introspect`, {
        method: 'POST',
        body: form({ client_id: CLI_CLIENT, token }),
      });
      expect(r.status).toBe(200);
      return (await r.json()) as any;
    };
    expect(await introspect(refreshed.access_token)).toMatchObject({
      active: true,
      sub: payload.sub,
      client_id: CLI_CLIENT,
    });

    const userinfo = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${refreshed.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({
      sub: payload.sub,
      preferred_username: 'bob',
      email: 'bob@convergences.test',
    });

    const revoke = await fetch(`${idp.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      body: form({ client_id: CLI_CLIENT, token: refreshed.access_token }),
    });
    expect(revoke.status).toBe(200);
    expect(await introspect(refreshed.access_token)).toEqual({ active: false });
  });

  it('runs the authorization code flow with PKCE through the login page', async () => {
    const browser = new Browser('fr-FR,fr;q=0.9,en;q=0.5');
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const auth = new URL(`${idp.issuer}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: ADMIN_CLIENT,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid profile email',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();

    // Without PKCE the public admin client is refused.
    const noPkce = new URL(auth);
    noPkce.searchParams.delete('code_challenge');
    noPkce.searchParams.delete('code_challenge_method');
    const refused = await new Browser('en').follow(noPkce.href);
    expect(refused.url).toContain('error=invalid_request');

    // Login page, shaped like Keycloak's.
    const page = await browser.follow(auth.href);
    expect(page.res.status).toBe(200);
    const html = await page.res.text();
    expect(html).toContain('id="kc-form-login"');
    expect(html).toMatch(/<input[^>]*id="username"[^>]*name="username"/);
    expect(html).toMatch(/<input[^>]*id="password"[^>]*name="password"[^>]*type="password"/);
    expect(html).toMatch(/<button[^>]*id="kc-login"[^>]*type="submit"/);
    expect(html).toContain('Connectez-vous à votre compte');
    expect(html).not.toContain('id="input-error"');
    const action = formAction(html, 'kc-form-login', page.url);

    // Wrong password: the form comes back with Keycloak's error.
    const wrong = await browser.request(action, {
      method: 'POST',
      body: form({ username: 'alice', password: 'wrong' }),
    });
    expect(wrong.status).toBe(200);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toMatch(/<span id="input-error"[^>]*>Nom d&#39;utilisateur ou mot de passe invalide\.<\/span>/);
    expect(wrongHtml).toMatch(/id="username"[^>]*value="alice"/);

    // Right password: back to the admin UI with a code.
    const done = await browser.follow(action, { method: 'POST', body: form({ username: 'alice', password: 'alice' }) });
    const callback = new URL(done.url);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('state-123');
    expect(callback.searchParams.get('iss')).toBe(idp.issuer);
    const code = callback.searchParams.get('code');
    expect(code).toEqual(expect.any(String));

    // Code exchange from the browser (CORS) with the PKCE verifier.
    const tokenRes = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { origin: ADMIN_ORIGIN },
      body: form({
        grant_type: 'authorization_code',
        client_id: ADMIN_CLIENT,
        code: code!,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    expect(tokenRes.status).toBe(200);
    expect(tokenRes.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(tokenRes.headers.get('access-control-allow-credentials')).toBe('true');
    const tokens = (await tokenRes.json()) as any;
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      refresh_token: expect.any(String),
      id_token: expect.any(String),
      scope: expect.stringContaining('openid'),
    });

    const certs = `${idp.issuer}/protocol/openid-connect/certs`;
    const { header, payload } = await verifyJwt(tokens.access_token, certs);
    expect(header.alg).toBe('RS256');
    expect(payload).toMatchObject({
      iss: idp.issuer,
      sub: ids.alice,
      aud: 'account',
      azp: ADMIN_CLIENT,
      typ: 'Bearer',
      preferred_username: 'alice',
      email: 'alice@convergences.test',
      email_verified: true,
      name: 'Alice Martin',
      given_name: 'Alice',
      family_name: 'Martin',
      locale: 'fr',
      sid: expect.any(String),
      jti: expect.any(String),
      exp: expect.any(Number),
      iat: expect.any(Number),
    });
    expect(payload.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(payload.realm_access.roles).toContain('participant');
    expect(payload.realm_access.roles).not.toContain('admin');
    expect(payload.resource_access.account.roles).toEqual(expect.arrayContaining(['manage-account', 'view-profile']));

    const idToken = await verifyJwt(tokens.id_token, certs);
    expect(idToken.payload).toMatchObject({
      iss: idp.issuer,
      aud: ADMIN_CLIENT,
      sub: ids.alice,
      nonce: 'nonce-456',
      preferred_username: 'alice',
      sid: payload.sid,
    });

    // Keycloak's refresh token: a JWT of the session.
    expect((await verifyJwt(tokens.refresh_token, certs)).payload).toMatchObject({
      typ: 'Refresh',
      azp: ADMIN_CLIENT,
      sub: ids.alice,
      sid: payload.sid,
      aud: idp.issuer,
    });

    // Refresh works for the admin client too.
    const refresh = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { origin: ADMIN_ORIGIN },
      body: form({ grant_type: 'refresh_token', client_id: ADMIN_CLIENT, refresh_token: tokens.refresh_token }),
    });
    expect(refresh.status).toBe(200);
    expect(corsOf(refresh)).toMatchObject({
      'access-control-allow-origin': ADMIN_ORIGIN,
      'access-control-allow-credentials': 'true',
    });
    const refreshed = (await refresh.json()) as any;
    expect((await verifyJwt(refreshed.access_token, certs)).payload).toMatchObject({
      sub: ids.alice,
      sid: payload.sid,
    });

    // Single sign-on: a second authorization goes straight back with a code.
    const sso = await browser.follow(auth.href);
    expect(new URL(sso.url).searchParams.get('code')).toEqual(expect.any(String));

    // Userinfo with the access token, from the admin origin.
    const userinfo = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: ADMIN_ORIGIN },
    });
    expect(userinfo.status).toBe(200);
    expect(userinfo.headers.get('access-control-allow-origin')).toBe(ADMIN_ORIGIN);
    expect(await userinfo.json()).toMatchObject({ sub: ids.alice, preferred_username: 'alice', locale: 'fr' });

    // The code is single-use; replaying it revokes what it gave (as Keycloak does).
    const replay = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: form({
        grant_type: 'authorization_code',
        client_id: ADMIN_CLIENT,
        code: code!,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as any).error).toBe('invalid_grant');
    const revoked = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(revoked.status).toBe(401);

    // A new code, for the logout below (the session is still there).
    const relog = await browser.follow(auth.href);
    const tokens2Res = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: form({
        grant_type: 'authorization_code',
        client_id: ADMIN_CLIENT,
        code: new URL(relog.url).searchParams.get('code')!,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }),
    });
    expect(tokens2Res.status).toBe(200);
    const tokens2 = (await tokens2Res.json()) as any;

    // Logout goes back to the admin UI without a confirmation step (the page submits itself).
    const logoutUrl = new URL(`${idp.issuer}/protocol/openid-connect/logout`);
    logoutUrl.search = new URLSearchParams({
      id_token_hint: tokens2.id_token,
      post_logout_redirect_uri: `${ADMIN_ORIGIN}/`,
      state: 'bye',
    }).toString();
    const logoutPage = await browser.request(logoutUrl.href);
    expect(logoutPage.status).toBe(200);
    const logoutHtml = await logoutPage.text();
    expect(logoutHtml).toContain('.submit()');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(logoutHtml)?.[1];
    expect(logoutHtml).toContain('name="logout" value="yes"');
    const loggedOut = await browser.follow(formAction(logoutHtml, 'op.logoutForm', logoutUrl.href), {
      method: 'POST',
      body: form({ xsrf: xsrf!, logout: 'yes' }),
    });
    expect(loggedOut.url).toBe(`${ADMIN_ORIGIN}/?state=bye`);

    // The session is over: its tokens are no longer accepted, and login is asked again.
    const after = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${tokens2.access_token}` },
    });
    expect(after.status).toBe(401);
    const afterRefresh = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: form({ grant_type: 'refresh_token', client_id: ADMIN_CLIENT, refresh_token: tokens2.refresh_token }),
    });
    expect(afterRefresh.status).toBe(400);
    const again = await browser.follow(auth.href);
    expect(again.res.status).toBe(200);
    expect(await again.res.text()).toContain('id="kc-form-login"');
  });

  it("answers cross-origin calls with credentials for the client's web origins only, like Keycloak", async () => {
    const p = `${idp.issuer}/protocol/openid-connect`;
    const preflight = (path: string, origin: string, method = 'POST') =>
      fetch(`${p}/${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
      });

    // Preflights from the admin UI's origin (a web origin of the realm) are answered with credentials.
    for (const [path, method] of [
      ['token', 'POST'],
      ['userinfo', 'GET'],
      ['certs', 'GET'],
      ['logout', 'GET'],
    ]) {
      const res = await preflight(path, ADMIN_ORIGIN, method);
      expect(res.status).toBe(200);
      expect(corsOf(res)).toMatchObject({
        'access-control-allow-origin': ADMIN_ORIGIN,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': expect.stringContaining(method),
        'access-control-allow-headers': expect.stringContaining('Authorization'),
      });
      expect(res.headers.get('vary')).toMatch(/origin/i);
    }
    // ... and from another origin without any CORS header: the browser refuses the call.
    const foreignPreflight = await preflight('token', 'http://evil.test');
    expect(corsOf(foreignPreflight)).toEqual({});

    // The token response from the allowed origin (keycloak-js: `credentials: 'include'`).
    const tokenRes = await codeFlowTokenResponse(idp, 'alice');
    expect(tokenRes.status).toBe(200);
    expect(corsOf(tokenRes)).toMatchObject({
      'access-control-allow-origin': ADMIN_ORIGIN,
      'access-control-allow-credentials': 'true',
    });
    expect(tokenRes.headers.get('vary')).toMatch(/origin/i);
    const tokens = (await tokenRes.json()) as any;

    // Errors, once the client is known, too (keycloak-js reads them).
    const refused = await refreshGrant(idp, ADMIN_CLIENT, 'not-a-refresh-token', { origin: ADMIN_ORIGIN });
    expect(refused.status).toBe(400);
    expect(corsOf(refused)).toMatchObject({ 'access-control-allow-credentials': 'true' });

    // Another origin is served (as by Keycloak) but without CORS headers.
    const foreign = await refreshGrant(idp, ADMIN_CLIENT, tokens.refresh_token, { origin: 'http://evil.test' });
    expect(foreign.status).toBe(200);
    expect(corsOf(foreign)).toEqual({});

    // Web origins are the client's: the CLI client has none, even from the admin UI's origin.
    const cli = await fetch(`${p}/token`, {
      method: 'POST',
      headers: { origin: ADMIN_ORIGIN },
      body: form({ grant_type: 'password', client_id: CLI_CLIENT, username: 'alice', password: 'alice' }),
    });
    expect(cli.status).toBe(200);
    expect(corsOf(cli)).toEqual({});

    // Userinfo and certs from the allowed origin, with credentials.
    const userinfo = await fetch(`${p}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}`, origin: ADMIN_ORIGIN },
    });
    expect(userinfo.status).toBe(200);
    expect(corsOf(userinfo)).toMatchObject({
      'access-control-allow-origin': ADMIN_ORIGIN,
      'access-control-allow-credentials': 'true',
    });
    const certs = await fetch(`${p}/certs`, { headers: { origin: ADMIN_ORIGIN } });
    expect(corsOf(certs)).toMatchObject({
      'access-control-allow-origin': ADMIN_ORIGIN,
      'access-control-allow-credentials': 'true',
    });
    // The keys stay public, but without credentials for other origins.
    const foreignCerts = await fetch(`${p}/certs`, { headers: { origin: 'http://evil.test' } });
    expect(foreignCerts.headers.get('access-control-allow-credentials')).toBeNull();

    // Never the `*` wildcard together with credentials.
    for (const res of [tokenRes, refused, userinfo, certs])
      expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
  });

  it("issues refresh tokens as signed JWTs like Keycloak's, and takes them back", async () => {
    const certs = `${idp.issuer}/protocol/openid-connect/certs`;
    const { status, body } = await passwordGrant(idp, 'alice', 'alice');
    expect(status).toBe(200);
    const refreshToken: string = body.refresh_token;
    expect(refreshToken.split('.')).toHaveLength(3);

    const { header, payload } = await verifyJwt(refreshToken, certs);
    const accessClaims = b64json(body.access_token.split('.')[1]);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: idp.issuer,
      sub: ids.alice,
      typ: 'Refresh',
      azp: CLI_CLIENT,
      sid: accessClaims.sid,
      jti: expect.any(String),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(payload.scope.split(' ')).toEqual(expect.arrayContaining(['profile', 'email']));
    expect(Math.abs(payload.exp - payload.iat - body.refresh_expires_in)).toBeLessThanOrEqual(2);
    expect(body.session_state).toBe(accessClaims.sid);

    // The refresh grant takes it, and answers with a refresh token of the same session.
    const refreshed = await refreshGrant(idp, CLI_CLIENT, refreshToken);
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as any;
    expect((await verifyJwt(next.refresh_token, certs)).payload).toMatchObject({
      typ: 'Refresh',
      sub: ids.alice,
      sid: payload.sid,
    });
    expect((await verifyJwt(next.access_token, certs)).payload).toMatchObject({
      sub: ids.alice,
      sid: payload.sid,
      typ: 'Bearer',
    });
    // Keycloak keeps a used refresh token valid (revokeRefreshToken: false).
    expect((await refreshGrant(idp, CLI_CLIENT, refreshToken)).status).toBe(200);

    // Tampered, forged or foreign tokens: invalid_grant, as Keycloak answers.
    const [h, p, sig] = refreshToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...payload, sub: ids.admin })).toString('base64url');
    const badSignature = `${sig.slice(0, -4)}${sig.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const bad of [
      `${h}.${forgedPayload}.${sig}`,
      `${h}.${p}.${badSignature}`,
      `${h}.${Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 3600 })).toString('base64url')}.${sig}`,
      body.access_token, // not a refresh token
      payload.jti, // the reference alone is not accepted
      'not-a-jwt',
    ]) {
      const res = await refreshGrant(idp, CLI_CLIENT, bad);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
    }
    // Another client cannot use it.
    const otherClient = await refreshGrant(idp, ADMIN_CLIENT, refreshToken);
    expect(otherClient.status).toBe(400);
    expect(((await otherClient.json()) as any).error).toBe('invalid_grant');

    // Introspection and revocation take it too.
    const introspect = async (token: string) => {
      const r = await fetch(`${idp.issuer}/protocol/openid-connect/token/introspect`, {
        method: 'POST',
        body: form({ client_id: CLI_CLIENT, token }),
      });
      expect(r.status).toBe(200);
      return (await r.json()) as any;
    };
    expect(await introspect(refreshToken)).toMatchObject({
      active: true,
      typ: 'Refresh',
      sub: ids.alice,
      client_id: CLI_CLIENT,
      username: 'alice',
      jti: payload.jti,
    });
    expect(await introspect(`${h}.${forgedPayload}.${sig}`)).toEqual({ active: false });
    const revoke = await fetch(`${idp.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      body: form({ client_id: CLI_CLIENT, token: next.refresh_token }),
    });
    expect(revoke.status).toBe(200);
    expect(await introspect(refreshToken)).toEqual({ active: false });
    const afterRevoke = await refreshGrant(idp, CLI_CLIENT, refreshToken);
    expect(afterRevoke.status).toBe(400);
    expect(((await afterRevoke.json()) as any).error).toBe('invalid_grant');
  });

  it('renders the login page in English unless French is asked for', async () => {
    const browser = new Browser('en-GB,en;q=0.8');
    const verifier = randomBytes(32).toString('base64url');
    const auth = new URL(`${idp.issuer}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: ADMIN_CLIENT,
      redirect_uri: `http://127.0.0.1:5173/`,
      response_type: 'code',
      scope: 'openid',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const page = await browser.follow(auth.href);
    const html = await page.res.text();
    expect(html).toContain('Sign in to your account');
    const wrong = await browser.request(formAction(html, 'kc-form-login', page.url), {
      method: 'POST',
      body: form({ username: 'bob', password: 'alice' }),
    });
    expect(await wrong.text()).toContain(
      '<span id="input-error" class="pf-c-form__helper-text pf-m-error required kc-feedback-text" aria-live="polite">Invalid username or password.</span>',
    );

    // ui_locales=fr wins over the browser's language.
    auth.searchParams.set('ui_locales', 'fr');
    const fr = await new Browser('en').follow(auth.href);
    expect(await fr.res.text()).toContain('Connectez-vous à votre compte');

    // Unregistered redirect URIs are refused.
    auth.searchParams.set('redirect_uri', 'http://evil.test/');
    const bad = await new Browser('en').follow(auth.href);
    expect(bad.res.status).toBe(400);
  });
});

describe('dev-idp restart', () => {
  it('keeps its signing key and refresh tokens across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dev-idp-restart-'));
    try {
      const first = await startIdp(dataDir);
      let token: any;
      try {
        const res = await passwordGrant(first, 'alice', 'alice');
        expect(res.status).toBe(200);
        token = res.body;
        await verifyJwt(token.access_token, `${first.issuer}/protocol/openid-connect/certs`);
      } finally {
        await first.stop();
      }

      // Same URL (tokens name their issuer), same data directory.
      const second = await startIdp(dataDir, Number(new URL(first.url).port));
      try {
        // Same key: the token issued before the restart still verifies.
        const { payload } = await verifyJwt(token.access_token, `${second.issuer}/protocol/openid-connect/certs`);
        expect(payload.preferred_username).toBe('alice');
        // Same store: the refresh token still works.
        const res = await fetch(`${second.issuer}/protocol/openid-connect/token`, {
          method: 'POST',
          body: form({ grant_type: 'refresh_token', client_id: CLI_CLIENT, refresh_token: token.refresh_token }),
        });
        expect(res.status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
