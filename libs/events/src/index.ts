export * from './domain-event';
export * from './event-consumer';
export * from './event-stream';
export * from './events-migration';
export * from './outbox-relay';
export * from './outbox-tables';
