import { DomainError, type FieldError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';

/** A theme the debate names must exist in `processes`; none named, nothing asked. */
export async function themeErrors(
  services: ServiceClient,
  context: CallContext,
  themeId: string | null | undefined,
): Promise<FieldError[]> {
  if (!themeId) return [];
  try {
    await services.request('processes.theme.get', { id: themeId }, context);
    return [];
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found')
      return [{ path: 'themeId', message: 'No such theme.' }];
    throw error;
  }
}

/** Refuses invalid fields, each named, before anything is written. */
export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw new DomainError('validation_failed', 'The debate is invalid.', undefined, errors);
}
