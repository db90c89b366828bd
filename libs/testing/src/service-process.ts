import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A service running as its own Node.js process, from its TypeScript sources. */
export interface ServiceProcess {
  name: string;
  pid: number;
  /** The last lines the service printed (pino JSON), for diagnostics. */
  output(): string;
  /** SIGTERM, then SIGKILL if the service has not stopped within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceProcessOptions {
  /** How long to wait for the service's `service ready` line. */
  readyTimeoutMs?: number;
}

const root = path.resolve(__dirname, '../../..');
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Runs `services/<name>/src/main.ts` in a child process, transpiling TypeScript on the fly and
 * resolving `@convergences/*` to the libraries' sources (as jest does). Services only meet over
 * NATS and JetStream, so a test of one service can run the others it talks to this way without
 * importing their code (which would make the Nx project graph circular).
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const main = path.join(root, 'services', name, 'src', 'main.ts');
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(main))
    throw new Error(`No service named ${name} (looked for ${main}).`);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Never leave a service behind, even when the test process ends abruptly.
    process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
  }

  const child = spawn(process.execPath, ['-e', bootstrap, main], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info', CONVERGENCES_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (lines.length > 200) lines.shift();
        if (line.includes('"msg":"service ready"')) ready();
      }
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => running.delete(child));
  const output = () => lines.join('\n');

  const stop = async (graceMs = 8000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  };

  const timeoutMs = options.readyTimeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      isReady,
      exited.then(() => {
        throw new Error(`The ${name} service exited before it was ready:\n${output()}`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`The ${name} service was not ready within ${timeoutMs} ms:\n${output()}`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (error) {
    await stop(1000);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { name, pid: child.pid!, output, stop };
}

// Runs in the child: a minimal TypeScript loader (transpile only, like ts-jest with
// isolatedModules) with the tsconfig path aliases, then the service's main module.
const bootstrap = `
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const root = process.env.CONVERGENCES_ROOT;
const ts = require(require.resolve('typescript', { paths: [root] }));
const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const aliases = Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};
const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};
Module._extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions: options });
  module._compile(outputText, filename);
};
require(process.argv[1]);
`;
