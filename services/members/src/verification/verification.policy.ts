import { assertPlatformAdmin, DomainError, type Actor } from '@convergences/contracts';

/** Verifications are granted, revoked and listed by platform admins only. */
export function assertMayAdministerVerifications(actor: Actor | null): asserts actor is Actor {
  assertPlatformAdmin(actor, 'manage verifications');
}

/** A person verifies themself (census, code) and reads their own verifications once signed in. */
export function assertMayVerifyThemself(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to verify yourself.');
}

/** A verification as the rules see it. */
export interface VerificationFacts {
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** Valid: neither revoked nor expired at `now`. */
export function isActive(verification: VerificationFacts, now: Date): boolean {
  return !verification.revoked_at && (!verification.expires_at || verification.expires_at > now);
}

/** An expiry must lie in the future: a verification born expired is a mistake. */
export function assertExpiryInFuture(expiresAt: string | undefined, now: Date): void {
  if (expiresAt && new Date(expiresAt) <= now)
    throw new DomainError('validation_failed', 'The expiry must be in the future.', undefined, [
      { path: 'expiresAt', message: 'must be in the future' },
    ]);
}

/**
 * The territories a verification may name to count for `territoryId`: the territory itself and
 * its parents (from the caller, or from `processes`).
 */
export function territoriesCovering(territoryId: string, ancestorIds: readonly string[] = []): string[] {
  return [...new Set([territoryId, ...ancestorIds])];
}
