// Request-reply over a real NATS between a real NestJS microservice (booted with startService)
// and the ServiceClient: errors crossing the wire, timeouts, no-responders, subject prefixes
// and queue groups.
import { DomainError, type Actor, type Proposal, type ServiceHealth } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import {
  CONFIG,
  startService,
  type PlatformConfig,
  type RunningService,
  type ServiceDefinition,
} from '@convergences/service-runtime';
import { createIsolatedRun, type IsolatedRun } from '@convergences/testing';
import { Controller, Inject, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

jest.setTimeout(30_000);

const DOMAIN_FAILURE = '01900000-0000-7000-8000-00000000d001';
const CRASH = '01900000-0000-7000-8000-00000000d002';
const SLOW = '01900000-0000-7000-8000-00000000d003';
const SECRET = 'password=do-not-leak-4242';

/** Every request any replica handled, to check each was answered exactly once and by whom. */
const handled: { prefix: string; replica: string; requestId: string }[] = [];
const slowRequests = new Set<() => void>();

@Controller()
class LabHandlers {
  private readonly replica = randomUUID();

  constructor(@Inject(CONFIG) private readonly config: PlatformConfig) {}

  @Handles('proposals.proposal.get')
  async get(body: { id: string }, context: RequestContext): Promise<Proposal> {
    handled.push({ prefix: this.config.NATS_SUBJECT_PREFIX, replica: this.replica, requestId: context.requestId });
    if (body.id === DOMAIN_FAILURE) {
      throw new DomainError('conflict', 'This proposal was already decided.', {
        proposalId: body.id,
        decidedBy: 'jury',
      });
    }
    if (body.id === CRASH) throw new Error(`database unreachable with ${SECRET}`);
    if (body.id === SLOW) await new Promise<void>((resolve) => slowRequests.add(resolve));
    return {
      id: body.id,
      actorName: context.actor?.displayName ?? null,
      requestId: context.requestId,
    } as unknown as Proposal;
  }

  @Handles('evaluations.health')
  health(_body: unknown, context: RequestContext): ServiceHealth & { replica: string; prefix: string } {
    handled.push({ prefix: this.config.NATS_SUBJECT_PREFIX, replica: this.replica, requestId: context.requestId });
    return {
      service: 'evaluations',
      status: 'ok',
      database: true,
      uptimeSeconds: 0,
      replica: this.replica,
      prefix: this.config.NATS_SUBJECT_PREFIX,
    };
  }
}

@Module({ controllers: [LabHandlers] })
class LabModule {}

const labService: ServiceDefinition = { name: 'debates', module: LabModule, migrations: {} };

const participant: Actor = {
  personId: '01900000-0000-7000-8000-000000000002',
  subject: 'sub-alice',
  username: 'alice',
  displayName: 'Alice Vernadet',
  roles: ['participant'],
  locale: 'fr',
};

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the request to fail');
}

describe('messaging over NATS', () => {
  let run: IsolatedRun;
  let otherRun: IsolatedRun;
  const services: RunningService[] = [];
  const clients: ServiceClient[] = [];
  let client: ServiceClient;
  let otherClient: ServiceClient;

  const newClient = async (r: IsolatedRun) => {
    const c = new ServiceClient({
      natsUrl: r.natsUrl,
      subjectPrefix: r.subjectPrefix,
      requestTimeoutMs: 3000,
      name: 'messaging-test',
    });
    clients.push(c);
    await c.connect();
    return c;
  };
  const env = (r: IsolatedRun) => ({ ...r.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let seq = 0;
  const ctx = (actor: Actor | null = participant) => ({ actor, requestId: `req-${++seq}` });

  beforeAll(async () => {
    [run, otherRun] = await Promise.all([createIsolatedRun('messaging'), createIsolatedRun('messaging_other')]);
    // Two replicas in the same queue group, and one service behind another prefix.
    services.push(await startService(labService, env(run)));
    services.push(await startService(labService, env(run)));
    services.push(await startService(labService, env(otherRun)));
    client = await newClient(run);
    otherClient = await newClient(otherRun);
  });

  afterAll(async () => {
    for (const release of slowRequests) release();
    await Promise.all(clients.map((c) => c.close()));
    // Each close waits out NestJS's NATS grace period: close them together.
    await Promise.all(services.map((service) => service.close()));
    await run?.dispose();
    await otherRun?.dispose();
  });

  it('answers a valid request, with the actor and request id it was sent', async () => {
    const id = randomUUID();
    const context = ctx();
    await expect(client.request('proposals.proposal.get', { id }, context)).resolves.toEqual({
      id,
      actorName: 'Alice Vernadet',
      requestId: context.requestId,
    });
  });

  it('hands a domain error to the caller with its code, message and details', async () => {
    const error = await failureOf(client.request('proposals.proposal.get', { id: DOMAIN_FAILURE }, ctx()));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('This proposal was already decided.');
    expect(error.details).toEqual({ proposalId: DOMAIN_FAILURE, decidedBy: 'jury' });
  });

  it('rejects an invalid body with validation_failed and the failing fields', async () => {
    const before = handled.length;
    const error = await failureOf(client.request('proposals.proposal.get', { id: 'not-a-uuid' }, ctx()));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([expect.objectContaining({ path: 'id', message: expect.any(String) })]);
    expect(handled.length).toBe(before);

    const missing = await failureOf(client.request('proposals.proposal.get', {} as { id: string }, ctx()));
    expect(missing.code).toBe('validation_failed');
    expect(missing.errors?.map((e) => e.path)).toEqual(['id']);
  });

  it('rejects an invalid envelope before the handler runs', async () => {
    const before = handled.length;
    const forged = { ...participant, personId: 'not-a-uuid' };
    const error = await failureOf(client.request('proposals.proposal.get', { id: randomUUID() }, ctx(forged)));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/envelope/);
    expect(error.errors).toEqual([expect.objectContaining({ path: 'actor.personId' })]);
    expect(handled.length).toBe(before);
  });

  it('turns an unexpected exception into internal without leaking its message', async () => {
    const error = await failureOf(client.request('proposals.proposal.get', { id: CRASH }, ctx()));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toMatch(/database unreachable/);
    expect(JSON.stringify(error.toPayload())).not.toContain(SECRET);
  });

  it('answers service_unavailable at once when nobody serves the pattern', async () => {
    const startedAt = Date.now();
    const error = await failureOf(client.request('members.person.get', { id: randomUUID() }, ctx(), 5000));
    const elapsed = Date.now() - startedAt;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('service_unavailable');
    expect(error.details).toEqual({ service: 'members' });
    expect(error.message).toMatch(/No instance of the members service/);
    expect(elapsed).toBeLessThan(1000);
  });

  it('answers service_unavailable when the handler does not answer in time', async () => {
    const startedAt = Date.now();
    const error = await failureOf(client.request('proposals.proposal.get', { id: SLOW }, ctx(), 400));
    const elapsed = Date.now() - startedAt;
    expect(error.code).toBe('service_unavailable');
    expect(error.message).toMatch(/did not answer in time/);
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(2500);
    expect(slowRequests.size).toBe(1);
    for (const release of slowRequests) release();
    slowRequests.clear();
  });

  it('never lets services behind different subject prefixes answer each other', async () => {
    const mineContexts = Array.from({ length: 10 }, () => ctx());
    const theirContexts = Array.from({ length: 10 }, () => ctx());
    const [mine, theirs] = await Promise.all([
      Promise.all(mineContexts.map((c) => client.request('evaluations.health', {}, c))),
      Promise.all(theirContexts.map((c) => otherClient.request('evaluations.health', {}, c))),
    ]);
    const prefixOf = (answer: unknown) => (answer as { prefix: string }).prefix;
    expect(new Set(mine.map(prefixOf))).toEqual(new Set([run.subjectPrefix]));
    expect(new Set(theirs.map(prefixOf))).toEqual(new Set([otherRun.subjectPrefix]));

    // Each request was handled exactly once, by a service behind its caller's prefix.
    for (const [contexts, prefix] of [
      [mineContexts, run.subjectPrefix],
      [theirContexts, otherRun.subjectPrefix],
    ] as const) {
      for (const c of contexts) {
        expect(handled.filter((h) => h.requestId === c.requestId)).toEqual([expect.objectContaining({ prefix })]);
      }
    }
  });

  it('shares requests between replicas of a queue group, each answered exactly once', async () => {
    const contexts = Array.from({ length: 40 }, () => ctx());
    const ids = new Set(contexts.map((c) => c.requestId));
    const answers = await Promise.all(contexts.map((c) => client.request('evaluations.health', {}, c)));

    const byReplica = new Map<string, number>();
    for (const answer of answers) {
      const { replica } = answer as unknown as { replica: string };
      byReplica.set(replica, (byReplica.get(replica) ?? 0) + 1);
    }
    expect(byReplica.size).toBe(2);
    for (const count of byReplica.values()) expect(count).toBeGreaterThan(0);

    const invocations = handled.filter((h) => ids.has(h.requestId));
    expect(invocations).toHaveLength(40);
    expect(new Set(invocations.map((h) => h.requestId)).size).toBe(40);
    expect(invocations.every((h) => h.prefix === run.subjectPrefix)).toBe(true);
  });
});
