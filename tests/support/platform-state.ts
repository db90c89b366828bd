import { readFileSync } from 'node:fs';
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

export const stateFile = path.resolve(__dirname, '../../tmp/e2e-platform.json');
export const repoRoot = path.resolve(__dirname, '../..');

/** The running platform's state, as written by the global setup. */
export function platformState(): PlatformState {
  return JSON.parse(readFileSync(process.env.E2E_STATE_FILE ?? stateFile, 'utf8')) as PlatformState;
}
