import { api } from '../support/api';
import { tokenFor } from '../support/identity';
import { connect } from 'nats';
import { platformState } from '../support/platform-state';

describe('identity through the gateway', () => {
  it('answers the signed-in person, registered in members on first sight of the token', async () => {
    const me = await api<{ username: string; roles: string[]; id: string; email: string }>('GET', '/api/v1/me', {
      as: 'bob',
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'bob', email: 'bob@convergences.test', roles: ['participant'] });

    const again = await api<{ id: string }>('GET', '/api/v1/me', { as: 'bob' });
    expect(again.body.id).toBe(me.body.id);

    // Registration was announced once on the events stream.
    const state = platformState();
    const nats = await connect({ servers: state.natsUrl });
    try {
      const jsm = await nats.jetstreamManager();
      const registered = [];
      for (let seq = 1; ; seq++) {
        const message = await jsm.streams.getMessage(state.stream, { seq }).catch(() => null);
        if (!message) break;
        if (message.subject === `${state.subjectPrefix}events.members.person.registered`)
          registered.push(message.json<{ data: { personId: string } }>());
      }
      expect(registered.filter((event) => event.data.personId === me.body.id)).toHaveLength(1);
    } finally {
      await nats.close();
    }
  });

  it('mirrors realm roles from the token', async () => {
    const me = await api<{ roles: string[] }>('GET', '/api/v1/me', { as: 'admin' });
    expect(me.body.roles).toEqual(['admin', 'participant']);
  });

  it('refuses a request without a token where one is needed, as problem+json', async () => {
    const response = await api<Record<string, unknown>>('GET', '/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Unauthorized',
      instance: '/api/v1/me',
    });
  });

  it('refuses a tampered or malformed token', async () => {
    const token = await tokenFor('alice');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['admin'] } })).toString('base64url')}.${signature}`;
    for (const authorization of [`Bearer ${forged}`, 'Bearer not-a-token', 'Basic YWxpY2U6YWxpY2U=']) {
      const response = await api('GET', '/api/v1/me', { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'unauthenticated' });
    }
  });
});
