import { natsConnectionOptions } from './nats-connection';

describe('natsConnectionOptions', () => {
  it('passes a URL without credentials as is', () => {
    expect(natsConnectionOptions('nats://127.0.0.1:4222')).toEqual({ servers: ['nats://127.0.0.1:4222'] });
  });

  it('takes the user and password out of the URL', () => {
    expect(natsConnectionOptions('nats://proposals:s%40cret@nats.internal:4222')).toEqual({
      servers: ['nats://nats.internal:4222'],
      user: 'proposals',
      pass: 's@cret',
    });
  });
});
