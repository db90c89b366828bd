export * from './eventually';
export * from './isolated-run';
export * from './service-process';
