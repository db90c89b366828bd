import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What the e2e setup tells the tests about the platform it started. */
export interface PlatformState {
  gatewayUrl: string;
  idpUrl: string;
  adminUiUrl: string | null;
  /** Environment the services run with (to start another replica or restart one). */
  env: Record<string, string>;
  pids: Record<string, number>;
  databaseUrl: string;
  natsUrl: string;
  stream: string;
  subjectPrefix: string;
  logFile: string;
}

export const repoRoot = path.resolve(__dirname, '../..');

/** Where this run's global setup writes the platform's state (one file per run). */
export function stateFileFor(runId: number): string {
  return path.join(repoRoot, 'tmp', `e2e-platform-${runId}.json`);
}

let cached: PlatformState | undefined;

/** The running platform's state, as written by this run's global setup. */
export function platformState(): PlatformState {
  const file = process.env.E2E_STATE_FILE;
  if (!file) throw new Error('E2E_STATE_FILE is not set: e2e tests run under the e2e jest project.');
  return (cached ??= JSON.parse(readFileSync(file, 'utf8')) as PlatformState);
}

/** Hands a process a test started (a restarted service) to the teardown, which stops it with the platform. */
export function adoptProcess(pid: number): void {
  appendFileSync(`${process.env.E2E_STATE_FILE}.adopted`, `${pid}\n`);
}

/** The processes tests handed to the teardown. */
export function adoptedPids(stateFile: string): number[] {
  const file = `${stateFile}.adopted`;
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
}
