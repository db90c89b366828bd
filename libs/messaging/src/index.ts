export * from './handles';
export * from './prefixed-nats-server';
export * from './service-client';
