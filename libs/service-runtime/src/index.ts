export * from './config';
export * from './health.controller';
export * from './logger';
export * from './start-service';
export * from './tokens';
