export * from './create-database';
export * from './idempotency';
export * from './list-queries';
export * from './migrate';
export * from './test-database';
export * from './csv-copy';
