import { createHash } from 'node:crypto';
import type { TokenVerifier, VerifiedToken } from './token-verifier';

/**
 * Remembers tokens another verifier accepted, for `cacheMs` and never past their expiry: a client
 * sends the same token with each request until it refreshes it, and checking its RS256 signature
 * every time was a large part of the gateway's CPU under load (see docs/performance.md). A token
 * is remembered by its SHA-256, so the cache holds no usable credential; a rejected token is
 * never remembered. Oldest entries go first beyond `maxEntries`.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly cache = new Map<string, { token: VerifiedToken; until: number }>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly cacheMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(accessToken: string): Promise<VerifiedToken> {
    if (this.cacheMs === 0) return this.inner.verify(accessToken);
    const key = createHash('sha256').update(accessToken).digest('base64');
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.token;
    this.cache.delete(key);
    const token = await this.inner.verify(accessToken);
    const until = Math.min(this.now() + this.cacheMs, token.expiresAt ?? 0);
    if (until > this.now()) {
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, { token, until });
    }
    return token;
  }
}
