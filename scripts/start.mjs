// `npm start`: builds, brings up Postgres and NATS where missing, starts every process of the
// platform, loads the French demo on an empty database and prints where everything is.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startPlatform } = require('./platform.js');
const { ensurePostgres, ensureNats } = require('./infrastructure.js');

const log = (line) => process.stdout.write(`${line}\n`);
const env = process.env;

log('Building…');
const build = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const postgres = await ensurePostgres(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/convergences', log);
const nats = await ensureNats(env.NATS_URL ?? 'nats://127.0.0.1:4222', log);

const shared = {
  DATABASE_URL: postgres.url,
  NATS_URL: nats.url,
  ...(env.NATS_SUBJECT_PREFIX ? { NATS_SUBJECT_PREFIX: env.NATS_SUBJECT_PREFIX } : {}),
  ...(env.EVENTS_STREAM ? { EVENTS_STREAM: env.EVENTS_STREAM } : {}),
  LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
};
const gatewayPort = Number(env.PORT ?? 3000);
const adminUiPort = Number(env.ADMIN_UI_PORT ?? 5173);

let platform;
const stop = async () => {
  log('\nStopping…');
  await platform?.stop();
  await nats.stop();
  await postgres.stop();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);

try {
  platform = await startPlatform({
    env: shared,
    gatewayPort,
    idpUrl: env.IDP_URL,
    idpPort: Number(env.IDP_PORT ?? 8080),
    adminUiPort,
    loadDemo: true,
    onOutput: (name, line) => {
      // Services log JSON lines; show warnings and errors, and everything from the tools.
      if (line.startsWith('{')) {
        try {
          const entry = JSON.parse(line);
          if (entry.level >= 40) log(`[${name}] ${entry.msg}${entry.err ? `: ${entry.err.message}` : ''}`);
        } catch {
          log(`[${name}] ${line}`);
        }
      } else if (line.trim() && !/Unsupported runtime/.test(line)) {
        log(`[${name}] ${line}`);
      }
    },
  });
} catch (error) {
  log(`Could not start the platform: ${error.message}`);
  await nats.stop();
  await postgres.stop();
  process.exit(1);
}

log(`
Convergences is running${platform.demoLoaded ? ' (French demo data loaded)' : ''}.

  API            ${platform.gatewayUrl}/api/v1
  API docs       ${platform.gatewayUrl}/api/docs
  Readiness      ${platform.gatewayUrl}/ready
  Back office    ${platform.adminUiUrl}
  Identity       ${platform.idpUrl}/realms/convergences

  Demo accounts (password = user name): admin, moderator, valuator, alice, bob
  A token for scripts:
    curl -d grant_type=password -d client_id=convergences-cli -d username=alice -d password=alice \\
      ${platform.idpUrl}/realms/convergences/protocol/openid-connect/token

Press Ctrl-C to stop.`);
