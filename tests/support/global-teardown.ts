import type { IsolatedRun } from '@convergences/testing';
import { rmSync, type WriteStream } from 'node:fs';

/** Stops the platform the global setup started and drops its database and stream. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__CONVERGENCES_E2E__ as
    { platform: { stop(): Promise<void> }; run: IsolatedRun; log: WriteStream } | undefined;
  if (!started) return;
  await started.platform.stop();
  await started.run.dispose();
  started.log.end();
  rmSync(started.stateFile, { force: true });
}
