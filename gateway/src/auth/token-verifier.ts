/** What the gateway knows of a caller once their bearer token has been verified. */
export interface VerifiedToken {
  subject: string;
  username: string;
  email: string | null;
  name: string | null;
  locale: string | null;
  realmRoles: string[];
  /** When the token expires (ms since the epoch), from its `exp` claim; `null` when it has none. */
  expiresAt: number | null;
}

/**
 * The one seam between the gateway and the identity protocol: any implementation (today
 * keycloak-connect) verifies signature, issuer and expiry, or rejects.
 */
export interface TokenVerifier {
  verify(accessToken: string): Promise<VerifiedToken>;
}

export class InvalidTokenError extends Error {}
