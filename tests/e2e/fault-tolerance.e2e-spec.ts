import { spawn } from 'node:child_process';
import path from 'node:path';
import { eventually } from '@convergences/testing';
import { api } from '../support/api';
import { adoptProcess, platformState, repoRoot } from '../support/platform-state';

describe('a service failing in the middle', () => {
  it('gives the caller a 503 within the request timeout, never a hang, and recovers on restart', async () => {
    const state = platformState();
    const timeoutMs = Number(state.env.REQUEST_TIMEOUT_MS);
    const pid = state.pids.proposals;
    expect((await api('GET', '/api/v1/proposals')).status).toBe(200);

    // Frozen: the request reaches the service, which never answers.
    process.kill(pid, 'SIGSTOP');
    const started = Date.now();
    const inFlight = api('GET', '/api/v1/proposals');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Killed while the request is in flight.
    process.kill(pid, 'SIGKILL');
    const frozen = await inFlight;
    const elapsed = Date.now() - started;
    expect(frozen.status).toBe(503);
    expect(frozen.body).toMatchObject({ code: 'service_unavailable' });
    expect(elapsed).toBeLessThan(timeoutMs + 1500);

    // Gone: NATS tells at once that nobody listens.
    const gone = await api('GET', '/api/v1/proposals');
    expect(gone.status).toBe(503);

    // Other services keep answering.
    expect((await api('GET', '/api/v1/processes')).status).toBe(200);

    // The restarted replica serves the e2e files that run after this one; the teardown stops it.
    const restarted = spawn(process.execPath, [path.join(repoRoot, 'services/proposals/dist/main.js')], {
      env: { ...process.env, ...state.env },
      stdio: 'ignore',
      detached: true,
    });
    restarted.unref();
    adoptProcess(restarted.pid!);
    await eventually(async () => expect((await api('GET', '/api/v1/proposals')).status).toBe(200), 20_000, 200);
  });
});
