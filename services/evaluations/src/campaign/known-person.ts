import { DomainError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { nameAuthor } from '@convergences/read-models';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { assertNoFieldErrors } from '../framework/framework.policy';

/** A person as members named them when asked. */
export interface KnownPerson {
  personId: string;
  name: string;
  asOf: Date;
}

/**
 * A person about to be named in a campaign (coordinator, committee, peer) must have an account:
 * members is asked whether they exist (deleted accounts do not), and their name (400 on
 * `personId` when there is no such person).
 */
export async function knownPerson(
  services: ServiceClient,
  context: CallContext,
  personId: string,
): Promise<KnownPerson> {
  const asOf = new Date();
  const noSuchPerson = () => assertNoFieldErrors([{ path: 'personId', message: 'No such person.' }]);
  const { existing } = await services.request('members.person.exists', { ids: [personId] }, context);
  if (!existing.includes(personId)) noSuchPerson();
  try {
    const person = await services.request('members.person.get', { id: personId }, context);
    return { personId: person.id, name: person.displayName, asOf };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') noSuchPerson();
    throw error;
  }
}

/**
 * Keeps the name of a person named in a campaign, in the same transaction as the naming, so lists
 * show names without asking; members' events keep it current from then on.
 */
export async function rememberName(
  trx: Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>,
  person: KnownPerson,
): Promise<void> {
  await nameAuthor(trx, person.personId, person.name, person.asOf);
}
