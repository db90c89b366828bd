import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { eventually } from '@convergences/testing';
import { freePort } from '../support/free-port';
import { tokenFor } from '../support/identity';
import { platformState, repoRoot } from '../support/platform-state';

describe('rate limits', () => {
  let gateway: ChildProcess;
  let url: string;

  beforeAll(async () => {
    // A second gateway replica on the same platform, with small limits.
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    gateway = spawn(process.execPath, [path.join(repoRoot, 'gateway/dist/main.js')], {
      env: {
        ...process.env,
        ...platformState().env,
        PORT: String(port),
        HOST: '127.0.0.1',
        RATE_LIMIT_PER_IP: '8',
        RATE_LIMIT_PER_USER: '4',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    await eventually(async () => expect((await fetch(`${url}/health`)).status).toBe(200), 20_000, 100);
  });

  afterAll(async () => {
    if (gateway?.exitCode === null) {
      const exited = once(gateway, 'exit');
      gateway.kill('SIGTERM');
      await exited;
    }
  });

  it('limits each signed-in person, then each address, with 429 problems', async () => {
    const get = async (as?: string) =>
      fetch(`${url}/api/v1/processes`, { headers: as ? { authorization: `Bearer ${await tokenFor(as)}` } : {} });
    const alice = [];
    for (let i = 0; i < 5; i++) alice.push((await get('alice')).status);
    expect(alice).toEqual([200, 200, 200, 200, 429]);
    const limited = await get('alice');
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // bob has his own allowance, until the address's one is spent.
    expect((await get('bob')).status).toBe(200);
    const anonymous = [];
    for (let i = 0; i < 3; i++) anonymous.push((await get()).status);
    expect(anonymous).toEqual([200, 429, 429]);
  });
});
