import type { ColumnType, Generated } from 'kysely';

/** The outbox: events written in the same transaction as the state change they describe. */
export interface OutboxTable {
  id: string;
  type: string;
  envelope: ColumnType<unknown, string, never>;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

/** Events each consumer has applied: the ledger that makes redeliveries harmless. */
export interface ProcessedEventsTable {
  consumer: string;
  event_id: string;
  processed_at: Generated<Date>;
}

/** The tables every service's schema holds for its events. */
export interface EventTables {
  outbox: OutboxTable;
  processed_events: ProcessedEventsTable;
}
