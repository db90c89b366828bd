import type { Actor } from '@convergences/contracts';
import {
  assertExpiryInFuture,
  assertMayAdministerVerifications,
  assertMayVerifyThemself,
  isActive,
  territoriesCovering,
} from './verification.policy';

const actor = (roles: string[]): Actor => ({
  personId: '0193a000-0000-7000-8000-000000000001',
  subject: 'sub',
  username: 'someone',
  displayName: 'Someone',
  roles,
  locale: 'fr',
});

describe('verification policy', () => {
  it('lets platform admins only manage verifications', () => {
    expect(() => assertMayAdministerVerifications(actor(['admin', 'participant']))).not.toThrow();
    expect(() => assertMayAdministerVerifications(actor(['participant']))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    expect(() => assertMayAdministerVerifications(null)).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => assertMayVerifyThemself(null)).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => assertMayVerifyThemself(actor(['participant']))).not.toThrow();
  });

  it('holds a verification valid until it is revoked or expires', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(isActive({ expires_at: null, revoked_at: null }, now)).toBe(true);
    expect(isActive({ expires_at: new Date('2026-11-27T12:00:01Z'), revoked_at: null }, now)).toBe(true);
    expect(isActive({ expires_at: now, revoked_at: null }, now)).toBe(false);
    expect(isActive({ expires_at: null, revoked_at: new Date('2026-11-01') }, now)).toBe(false);
  });

  it('refuses an expiry in the past', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(() => assertExpiryInFuture('2026-11-27T11:00:00Z', now)).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(() => assertExpiryInFuture('2026-11-28T00:00:00Z', now)).not.toThrow();
    expect(() => assertExpiryInFuture(undefined, now)).not.toThrow();
  });

  it('counts a territory and its parents, once each', () => {
    expect(territoriesCovering('t', ['p', 't', 'g'])).toEqual(['t', 'p', 'g']);
    expect(territoriesCovering('t')).toEqual(['t']);
  });
});
