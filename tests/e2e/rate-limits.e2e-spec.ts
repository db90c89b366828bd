import { startGateway, type RunningGateway } from '@convergences/gateway';
import { tokenFor } from '../support/identity';
import { platformState } from '../support/platform-state';

describe('rate limits', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    // A second gateway on the same platform, with small limits.
    gateway = await startGateway({ ...platformState().env, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_IP: '8', RATE_LIMIT_PER_USER: '4', LOG_LEVEL: 'silent' });
  });

  afterAll(() => gateway?.close());

  it('limits each signed-in person, then each address, with 429 problems', async () => {
    const get = async (as?: string) =>
      fetch(`${gateway.url}/api/v1/processes`, { headers: as ? { authorization: `Bearer ${await tokenFor(as)}` } : {} });
    const alice = [];
    for (let i = 0; i < 5; i++) alice.push((await get('alice')).status);
    expect(alice).toEqual([200, 200, 200, 200, 429]);
    const limited = await get('alice');
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(limited.headers.get('retry-after')).toBeTruthy();

    // bob has his own allowance, until the address's one is spent.
    expect((await get('bob')).status).toBe(200);
    const anonymous = [];
    for (let i = 0; i < 3; i++) anonymous.push((await get()).status);
    expect(anonymous).toContain(429);
  });
});
