import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A service running as its own Node.js process, from its build. */
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
 * Runs `services/<name>/dist/main.js` (built by `npm run build`, which `npm test` runs first) in a
 * child process. Services only meet over NATS and JetStream, so a test of one service runs the
 * others it talks to this way, as in production, without importing their code.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> {
  const main = path.join(root, 'services', name, 'dist', 'main.js');
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(main)) {
    throw new Error(`No build of a service named ${name} (looked for ${main}): run npm run build first.`);
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Never leave a service behind, even when the test process ends abruptly.
    process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
  }

  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
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
