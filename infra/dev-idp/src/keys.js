// Signing key and cookie secrets, generated once into the data directory
// (never into the repository) and reused on restart, so that issued tokens and
// browser sessions survive a restart of the provider.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function writeSecretFile(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  chmodSync(file, 0o600);
}

/** RFC 7638 JWK thumbprint of an RSA key, used as `kid`. */
function rsaThumbprint({ e, n }) {
  return createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
}

/**
 * Loads `${dataDir}/jwks.json` or creates it with a fresh RSA 2048 key.
 * @param {string} dataDir
 */
export function loadOrCreateSigningKeys(dataDir) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'jwks.json');
  /** @type {{ keys: Array<Record<string, any>> }} */
  let jwks;
  if (existsSync(file)) {
    jwks = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(jwks.keys) || !jwks.keys.length) throw new Error(`dev-idp: ${file} holds no keys`);
  } else {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    jwks = { keys: [{ ...jwk, kid: rsaThumbprint(jwk), alg: 'RS256', use: 'sig' }] };
    writeSecretFile(file, jwks);
  }
  const signing = jwks.keys.find((k) => k.kty === 'RSA' && (k.alg ?? 'RS256') === 'RS256') ?? jwks.keys[0];
  const publicKey = createPublicKey({ key: signing, format: 'jwk' });
  return {
    /** private JWKs for oidc-provider's `jwks` option */
    jwks,
    kid: signing.kid,
    publicKey,
    /** the same key, for the tokens signed outside oidc-provider (refresh tokens) */
    privateKey: createPrivateKey({ key: signing, format: 'jwk' }),
    /** base64 DER SubjectPublicKeyInfo, as in Keycloak's realm info `public_key` */
    publicKeySpki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/**
 * Loads `${dataDir}/cookie-keys.json` or creates it with a random secret.
 * @param {string} dataDir
 * @returns {string[]}
 */
export function loadOrCreateCookieKeys(dataDir) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'cookie-keys.json');
  if (existsSync(file)) {
    const { keys } = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(keys) && keys.length) return keys;
  }
  const keys = [randomBytes(32).toString('base64url')];
  writeSecretFile(file, { keys });
  return keys;
}

/**
 * Verifies an RS256 compact JWS with the given public key and returns its payload,
 * or undefined when malformed, signed by another key or not RS256.
 * @param {string} token
 * @param {import('node:crypto').KeyObject} publicKey
 * @param {string} kid
 */
export function verifyRs256(token, publicKey, kid) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (header.alg !== 'RS256' || (header.kid && header.kid !== kid)) return undefined;
    const ok = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'));
    if (!ok) return undefined;
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Signs a payload as an RS256 compact JWS (`typ: JWT`, with the key's `kid`).
 * @param {Record<string, unknown>} payload
 * @param {import('node:crypto').KeyObject} privateKey
 * @param {string} kid
 */
export function signRs256(payload, privateKey, kid) {
  const encode = (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}
