// @ts-check
/**
 * Starts and stops the platform's processes: the dev identity provider, the five services,
 * the gateway and the back office. Used by `npm start` and by the e2e test setup.
 */
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const services = ['members', 'processes', 'proposals', 'debates', 'evaluations'];

/**
 * @typedef {object} PlatformOptions
 * @property {Record<string, string>} env Shared environment (DATABASE_URL, NATS_URL, …).
 * @property {number} gatewayPort
 * @property {string} [idpUrl] An external identity provider; when absent the dev provider starts.
 * @property {number} [idpPort]
 * @property {string} [idpDataDir]
 * @property {string} [idpRealmFile]
 * @property {number | null} [adminUiPort] null: no back office.
 * @property {boolean} [loadDemo] Load the French demo when the platform holds no process yet.
 * @property {(name: string, line: string) => void} [onOutput]
 * @property {Record<string, string[]>} [nodeArgs] Extra Node.js options per process name (a
 *   benchmark's `--cpu-prof`, say), which `NODE_OPTIONS` does not accept.
 */

/**
 * @typedef {object} ManagedProcess
 * @property {string} name
 * @property {string[]} command
 * @property {Record<string, string>} env
 * @property {import('node:child_process').ChildProcess} child
 */

/** Loads the French demo through the services' messages when no process exists yet. */
async function loadDemo(env) {
  const { ServiceClient } = require(path.join(root, 'libs/messaging/dist'));
  const { loadDemoData } = require('./demo-data.js');
  const client = new ServiceClient({
    natsUrl: env.NATS_URL,
    subjectPrefix: env.NATS_SUBJECT_PREFIX ?? '',
    requestTimeoutMs: 10_000,
    name: 'demo-data',
  });
  await client.connect();
  try {
    return await loadDemoData(client);
  } finally {
    await client.close();
  }
}

/** Vite's command line, as installed for the back office. */
function viteBin() {
  const manifest = require.resolve('vite/package.json', { paths: [path.join(root, 'admin-ui')] });
  return path.join(path.dirname(manifest), 'bin/vite.js');
}

/** Spawns one process whose output lines go to `onOutput`. */
function launch(name, command, env, cwd, onOutput) {
  const child = spawn(command[0], command.slice(1), {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches the launcher only, which stops everything in order.
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) onOutput(name, line);
    });
  }
  return /** @type {ManagedProcess} */ ({ name, command, env, child });
}

/** Resolves once `url` answers 2xx, or rejects after `timeoutMs`. */
async function waitForHttp(url, timeoutMs, what = url) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(/** @type {Error} */ (error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s (last answer: ${last})`);
}

/** Stops a process: SIGTERM, then SIGKILL if it lingers. */
async function terminate(managed, graceMs = 5000) {
  const { child } = managed;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the whole platform and waits until the gateway's /ready answers 200.
 * @param {PlatformOptions} options
 */
async function startPlatform(options) {
  const onOutput = options.onOutput ?? ((name, line) => process.stdout.write(`[${name}] ${line}\n`));
  /** @type {ManagedProcess[]} */
  const running = [];
  const node = process.execPath;
  const stopAll = async () => {
    await Promise.all(
      running
        .slice()
        .reverse()
        .map((managed) => terminate(managed)),
    );
  };
  try {
    let idpUrl = options.idpUrl;
    if (!idpUrl) {
      const idpPort = options.idpPort ?? 8080;
      idpUrl = `http://localhost:${idpPort}`;
      running.push(
        launch(
          'dev-idp',
          [node, 'infra/dev-idp/src/server.js'],
          {
            IDP_PORT: String(idpPort),
            IDP_PUBLIC_URL: idpUrl,
            ...(options.idpDataDir ? { IDP_DATA_DIR: options.idpDataDir } : {}),
            ...(options.idpRealmFile ? { IDP_REALM_FILE: options.idpRealmFile } : {}),
          },
          root,
          onOutput,
        ),
      );
      await waitForHttp(
        `${idpUrl}/realms/convergences/.well-known/openid-configuration`,
        30_000,
        'the identity provider',
      );
    }
    for (const service of services) {
      const args = options.nodeArgs?.[service] ?? [];
      running.push(launch(service, [node, ...args, `services/${service}/dist/main.js`], options.env, root, onOutput));
    }
    const gatewayUrl = `http://localhost:${options.gatewayPort}`;
    running.push(
      launch(
        'gateway',
        [node, ...(options.nodeArgs?.gateway ?? []), 'gateway/dist/main.js'],
        { ...options.env, PORT: String(options.gatewayPort), IDP_URL: idpUrl },
        root,
        onOutput,
      ),
    );
    await waitForHttp(`${gatewayUrl}/ready`, 60_000, 'the platform');
    const demoLoaded = options.loadDemo ? await loadDemo(options.env) : false;

    let adminUiUrl = null;
    if (options.adminUiPort) {
      adminUiUrl = `http://localhost:${options.adminUiPort}`;
      running.push(
        launch(
          'admin-ui',
          [node, viteBin(), '--port', String(options.adminUiPort), '--strictPort'],
          {
            ADMIN_UI_PORT: String(options.adminUiPort),
            VITE_API_URL: `${gatewayUrl}/api/v1`,
            VITE_IDP_URL: idpUrl,
          },
          path.join(root, 'admin-ui'),
          onOutput,
        ),
      );
      await waitForHttp(adminUiUrl, 60_000, 'the back office');
    }
    return {
      gatewayUrl,
      idpUrl,
      adminUiUrl,
      demoLoaded,
      processes: running,
      /** Stops every process of the platform. */
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

module.exports = { startPlatform, terminate, waitForHttp, launch, services, root };
