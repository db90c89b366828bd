export * from './handles';
export * from './nats-connection';
export * from './prefixed-nats-server';
export * from './service-client';
