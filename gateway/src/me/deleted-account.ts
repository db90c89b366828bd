import { SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { GatewayRequest } from '../auth/request-context';

const ACCEPTS_DELETED_ACCOUNT = 'convergences:accepts-deleted-account';
const deletedAccountRequests = new WeakSet<GatewayRequest>();

/**
 * Marks the one endpoint a deleted account's token may still reach, account deletion itself, so
 * that deleting twice answers 204 instead of 403 `account_deleted`.
 */
export const AcceptsDeletedAccount = () => SetMetadata(ACCEPTS_DELETED_ACCOUNT, true);

/** Whether the endpoint being called accepts the token of a deleted account. */
export function acceptsDeletedAccount(context: ExecutionContext): boolean {
  return Reflect.getMetadata(ACCEPTS_DELETED_ACCOUNT, context.getHandler()) === true;
}

/** Lets the request through with no actor, remembering that its token's account is deleted. */
export function admitDeletedAccount(request: GatewayRequest): void {
  request.actor = null;
  deletedAccountRequests.add(request);
}

/** Whether the request comes with the token of a deleted account. */
export function isDeletedAccount(request: GatewayRequest): boolean {
  return deletedAccountRequests.has(request);
}
