import { CachingTokenVerifier } from './caching-token-verifier';
import { InvalidTokenError, type TokenVerifier, type VerifiedToken } from './token-verifier';

/** A verifier that accepts tokens named `good-…`, expiring at the time given, and counts its checks. */
class CountingVerifier implements TokenVerifier {
  checks = 0;
  constructor(private readonly expiresAt: number | null) {}
  async verify(accessToken: string): Promise<VerifiedToken> {
    this.checks += 1;
    if (!accessToken.startsWith('good-')) throw new InvalidTokenError('invalid signature');
    return {
      subject: accessToken,
      username: accessToken,
      email: null,
      name: null,
      locale: null,
      realmRoles: ['participant'],
      expiresAt: this.expiresAt,
    };
  }
}

describe('CachingTokenVerifier', () => {
  let clock = 1_000_000;
  const now = () => clock;
  beforeEach(() => (clock = 1_000_000));

  it('checks a token once, then answers from memory until the cache time is over', async () => {
    const inner = new CountingVerifier(clock + 3_600_000);
    const verifier = new CachingTokenVerifier(inner, 30_000, 100, now);
    expect((await verifier.verify('good-a')).subject).toBe('good-a');
    await verifier.verify('good-a');
    clock += 29_999;
    await verifier.verify('good-a');
    expect(inner.checks).toBe(1);
    clock += 2;
    await verifier.verify('good-a');
    expect(inner.checks).toBe(2);
  });

  it('never remembers a token past its expiry', async () => {
    const inner = new CountingVerifier(clock + 5_000);
    const verifier = new CachingTokenVerifier(inner, 30_000, 100, now);
    await verifier.verify('good-a');
    clock += 5_000;
    await verifier.verify('good-a');
    expect(inner.checks).toBe(2);
  });

  it('does not remember a token without expiry, nor a rejected one', async () => {
    const inner = new CountingVerifier(null);
    const verifier = new CachingTokenVerifier(inner, 30_000, 100, now);
    await verifier.verify('good-a');
    await verifier.verify('good-a');
    await expect(verifier.verify('forged')).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify('forged')).rejects.toThrow(InvalidTokenError);
    expect(inner.checks).toBe(4);
  });

  it('keeps tokens apart and forgets the oldest beyond its size', async () => {
    const inner = new CountingVerifier(clock + 3_600_000);
    const verifier = new CachingTokenVerifier(inner, 30_000, 2, now);
    expect((await verifier.verify('good-a')).subject).toBe('good-a');
    expect((await verifier.verify('good-b')).subject).toBe('good-b');
    await verifier.verify('good-c'); // forgets good-a
    await verifier.verify('good-b');
    expect(inner.checks).toBe(3);
    await verifier.verify('good-a');
    expect(inner.checks).toBe(4);
  });

  it('checks every request when its cache time is 0', async () => {
    const inner = new CountingVerifier(clock + 3_600_000);
    const verifier = new CachingTokenVerifier(inner, 0, 100, now);
    await verifier.verify('good-a');
    await verifier.verify('good-a');
    expect(inner.checks).toBe(2);
  });
});
