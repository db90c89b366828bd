export * from './auth/token-verifier';
export * from './config';
export * from './gateway';
