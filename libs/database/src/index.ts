export * from './create-database';
export * from './idempotency';
export * from './migrate';
export * from './test-database';
