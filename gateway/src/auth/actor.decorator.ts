import { DomainError, type Actor } from '@convergences/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { GatewayRequest } from './request-context';

/** The signed-in actor; refuses the request with 401 when there is none. */
export const SignedIn = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<GatewayRequest>().actor;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to do this.');
  return actor;
});
