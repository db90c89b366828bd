import KeycloakConnect from 'keycloak-connect';
import { InvalidTokenError, type TokenVerifier, type VerifiedToken } from './token-verifier';

interface AccessTokenClaims {
  sub?: string;
  preferred_username?: string;
  email?: string;
  name?: string;
  locale?: string;
  exp?: number;
  realm_access?: { roles?: string[] };
}

/**
 * Verifies Keycloak bearer tokens with keycloak-connect in bearer-only mode: keys come from
 * the realm's certs endpoint, the issuer must be the realm, the token unexpired.
 */
export class KeycloakTokenVerifier implements TokenVerifier {
  private readonly keycloak: KeycloakConnect.Keycloak;

  constructor(idpUrl: string, realm: string) {
    this.keycloak = new KeycloakConnect({}, {
      realm,
      'auth-server-url': idpUrl.replace(/\/$/, ''),
      'bearer-only': true,
      resource: 'convergences-gateway',
      'ssl-required': 'external',
      'confidential-port': 0,
      'realm-public-key': undefined,
      'min-time-between-jwks-requests': 10,
    } as unknown as KeycloakConnect.KeycloakConfig);
  }

  async verify(accessToken: string): Promise<VerifiedToken> {
    let claims: AccessTokenClaims;
    try {
      const grant = await this.keycloak.grantManager.createGrant({ access_token: accessToken } as never);
      claims = (grant.access_token as unknown as { content: AccessTokenClaims }).content;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    if (!claims.sub) throw new InvalidTokenError('invalid token (no subject)');
    return {
      subject: claims.sub,
      username: claims.preferred_username ?? claims.sub,
      email: claims.email ?? null,
      name: claims.name ?? null,
      locale: claims.locale ?? null,
      realmRoles: claims.realm_access?.roles ?? [],
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
    };
  }
}
