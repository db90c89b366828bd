import { events, type DomainEvent, type EventData, type EventType } from '@convergences/contracts';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { EventTables } from './outbox-tables';

/** A new event of `type`, stamped now, with a fresh UUIDv7 id. */
export function domainEvent<T extends EventType>(
  type: T,
  data: EventData<T>,
  actor: { personId: string } | null,
): DomainEvent<T> {
  return {
    id: uuidv7(),
    type,
    occurredAt: new Date().toISOString(),
    actor: actor ? { personId: actor.personId } : null,
    data,
    schemaVersion: events[type].schemaVersion,
  };
}

/** Records events in the outbox, inside the caller's transaction. */
export async function addToOutbox<DB extends EventTables>(
  trx: Kysely<DB> | Transaction<DB>,
  ...records: DomainEvent[]
): Promise<void> {
  if (records.length === 0) return;
  await (trx as unknown as Kysely<EventTables>)
    .insertInto('outbox')
    .values(
      records.map((event) => ({ id: event.id, type: event.type, envelope: JSON.stringify(event), sent_at: null })),
    )
    .execute();
}
