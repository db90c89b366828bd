import type { IsolatedRun } from '@convergences/testing';
import { rmSync, type WriteStream } from 'node:fs';
import { adoptedPids } from './platform-state';

/** Stops the platform the global setup started (and processes tests started for it), then drops its data. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__CONVERGENCES_E2E__ as
    { platform: { stop(): Promise<void> }; run: IsolatedRun; log: WriteStream; stateFile: string } | undefined;
  if (!started) return;
  for (const pid of adoptedPids(started.stateFile)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await started.platform.stop();
  await started.run.dispose();
  started.log.end();
  rmSync(started.stateFile, { force: true });
  rmSync(`${started.stateFile}.adopted`, { force: true });
}
