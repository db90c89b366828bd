import { DomainError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';

/**
 * Asks members whether the people a request names exist (deleted accounts do not), failing with
 * `validation_failed` on the field naming each unknown one: `personId`, or `personIds.<index>`.
 */
export async function assertPeopleExist(
  services: ServiceClient,
  context: CallContext,
  field: 'personId' | 'personIds',
  personIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(personIds)];
  const { existing } = await services.request(
    'members.person.exists',
    { ids },
    { actor: context.actor, requestId: context.requestId },
  );
  const known = new Set(existing);
  const errors = personIds.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: field === 'personId' ? field : `${field}.${index}`, message: 'No such person.' }],
  );
  if (errors.length > 0) {
    const unknown = ids.filter((id) => !known.has(id));
    throw new DomainError('validation_failed', 'The request names people who do not exist.', { unknown }, errors);
  }
}
