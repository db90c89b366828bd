import { DomainError } from '@convergences/contracts';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PersonDirectory } from './person-directory';
import { preferredLocale, type GatewayRequest } from './request-context';
import { InvalidTokenError, type TokenVerifier } from './token-verifier';
import { TOKEN_VERIFIER } from '../tokens';
import { acceptsDeletedAccount, admitDeletedAccount } from '../me/deleted-account';

/** Methods that change something: a blocked person may use none of them. */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling: no Authorization header means anonymous; a bearer token must verify,
 * or the request is refused with 401 whatever the endpoint. A blocked person may read, and any
 * write of theirs is refused with 403 `blocked_person`.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly people: PersonDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const header = request.headers.authorization;
    if (!header) {
      request.actor = null;
      return true;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    let caller;
    try {
      const token = await this.verifier.verify(match[1]);
      caller = await this.people.callerFor(token, request.id, preferredLocale(request));
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        throw new DomainError('unauthenticated', 'The access token is invalid or expired.');
      }
      if (error instanceof DomainError && error.code === 'account_deleted' && acceptsDeletedAccount(context)) {
        admitDeletedAccount(request);
        return true;
      }
      throw error;
    }
    request.actor = caller.actor;
    if (caller.blocked && WRITES.has(request.method.toUpperCase())) {
      throw new DomainError(
        'blocked_person',
        'Your account is blocked by the platform administrators: you can read, but not change anything.',
      );
    }
    return true;
  }
}
