export * from './eventually';
export * from './isolated-run';
