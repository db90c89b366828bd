import { DomainError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { nameAuthor } from '@convergences/read-models';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

/** A person as members named them when asked. */
export interface KnownPerson {
  personId: string;
  name: string;
  asOf: Date;
}

/** Who a request names: a person by id or by nickname, exactly one of them (the contracts check it). */
export interface NamedPerson {
  personId?: string;
  nickname?: string;
}

/** 400 on the field that names nobody, as the contracts' own checks answer. */
const noSuchPerson = (path: 'personId' | 'nickname'): never => {
  throw new DomainError('validation_failed', 'The request is invalid.', undefined, [
    { path, message: 'No such person.' },
  ]);
};

/**
 * A person about to be named in a campaign (coordinator, committee, peer) must have an account:
 * members is asked whether they exist (deleted accounts do not), and their name (400 on
 * `personId` or `nickname` when there is no such person).
 */
export async function knownPerson(
  services: ServiceClient,
  context: CallContext,
  named: NamedPerson,
): Promise<KnownPerson> {
  const asOf = new Date();
  if (named.nickname !== undefined) {
    const person = await personByNickname(services, context, named.nickname);
    return { personId: person.id, name: person.displayName, asOf };
  }
  const personId = named.personId!;
  await assertExists(services, context, personId);
  try {
    const person = await services.request('members.person.get', { id: personId }, context);
    return { personId: person.id, name: person.displayName, asOf };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') noSuchPerson('personId');
    throw error;
  }
}

/** The id of the person a request names, who must have an account (400 on the field otherwise). */
export async function namedPersonId(
  services: ServiceClient,
  context: CallContext,
  named: NamedPerson,
): Promise<string> {
  if (named.nickname !== undefined) return (await personByNickname(services, context, named.nickname)).id;
  await assertExists(services, context, named.personId!);
  return named.personId!;
}

async function assertExists(services: ServiceClient, context: CallContext, personId: string): Promise<void> {
  const { existing } = await services.request('members.person.exists', { ids: [personId] }, context);
  if (!existing.includes(personId)) noSuchPerson('personId');
}

/**
 * Members says who a nickname names, whatever its case. Its public profile would not do: it
 * carries no id, and a private one hardly more than the nickname. A deleted account's nickname is
 * an unguessable placeholder, and the account nobody anyway.
 */
async function personByNickname(
  services: ServiceClient,
  context: CallContext,
  nickname: string,
): Promise<{ id: string; displayName: string }> {
  try {
    return await services.request('members.person.resolve', { nickname }, context);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') noSuchPerson('nickname');
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
