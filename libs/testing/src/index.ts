export * from './eventually';
export * from './isolated-run';
export * from './register-person';
export * from './service-process';
