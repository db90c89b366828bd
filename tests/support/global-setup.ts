import { createIsolatedRun } from '@convergences/testing';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { repoRoot, stateFileFor, type PlatformState } from './platform-state';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPlatform } = require('../../scripts/platform.js');

/** A copy of the realm whose back-office client also accepts the test's origin. */
function realmWithOrigin(origin: string, dir: string): string {
  const realm = JSON.parse(readFileSync(path.join(repoRoot, 'infra/keycloak/convergences-realm.json'), 'utf8'));
  for (const client of realm.clients ?? []) {
    if (client.clientId === 'convergences-admin') {
      client.redirectUris = [...(client.redirectUris ?? []), `${origin}/*`];
      client.webOrigins = [...(client.webOrigins ?? []), origin];
    }
  }
  const file = path.join(dir, 'convergences-realm.json');
  writeFileSync(file, JSON.stringify(realm));
  return file;
}

/** Starts the whole platform once for the e2e and browser tests, in its own database, subjects and stream. */
export default async function globalSetup(): Promise<void> {
  const run = await createIsolatedRun('e2e');
  const [gatewayPort, idpPort, adminUiPort] = [await freePort(), await freePort(), await freePort()];
  const scratch = mkdtempSync(path.join(tmpdir(), 'convergences-e2e-'));
  const adminOrigin = `http://localhost:${adminUiPort}`;
  const env = {
    ...run.env,
    REQUEST_TIMEOUT_MS: '2000',
    RATE_LIMIT_PER_IP: '100000',
    RATE_LIMIT_PER_USER: '100000',
    CORS_ORIGINS: adminOrigin,
  };
  const stateFile = stateFileFor(process.pid);
  mkdirSync(path.dirname(stateFile), { recursive: true });
  const logFile = stateFile.replace(/\.json$/, '.log');
  const log = createWriteStream(logFile);
  let platform;
  try {
    platform = await startPlatform({
      env,
      gatewayPort,
      idpPort,
      idpDataDir: path.join(scratch, 'idp'),
      idpRealmFile: realmWithOrigin(adminOrigin, scratch),
      adminUiPort,
      loadDemo: true,
      onOutput: (name: string, line: string) => log.write(`[${name}] ${line}\n`),
    });
  } catch (error) {
    await run.dispose();
    throw new Error(`${(error as Error).message}\nPlatform output: ${logFile}`);
  }
  const state: PlatformState = {
    gatewayUrl: platform.gatewayUrl,
    idpUrl: platform.idpUrl,
    adminUiUrl: platform.adminUiUrl,
    env: { ...env, IDP_URL: platform.idpUrl },
    pids: Object.fromEntries(
      platform.processes.map((p: { name: string; child: { pid: number } }) => [p.name, p.child.pid]),
    ),
    databaseUrl: run.databaseUrl,
    natsUrl: run.natsUrl,
    stream: run.stream,
    subjectPrefix: run.subjectPrefix,
    logFile,
  };
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  process.env.E2E_STATE_FILE = stateFile;
  process.env.GATEWAY_URL = platform.gatewayUrl;
  process.env.IDP_URL = platform.idpUrl;
  process.env.ADMIN_UI_URL = platform.adminUiUrl;
  (globalThis as Record<string, unknown>).__CONVERGENCES_E2E__ = { platform, run, log, stateFile };
}
