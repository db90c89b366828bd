// Account deletion in members, on real Postgres and NATS: all or nothing, announced once, and
// race-free against the rule that an organisation always keeps an admin.
import type { Actor } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, type IsolatedRun, registerPerson } from '@convergences/testing';
import { sql } from 'kysely';
import { membersService } from '../src/members.service';

jest.setTimeout(30_000);

describe('account deletion in members', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let client: ServiceClient;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `privacy-${++seq}` });

  async function person(username: string): Promise<Actor> {
    return registerPerson(client, as(null), username, {
      username: `${username}${++seq}`,
      email: `${username}@example.org`,
    });
  }
  const deleteAccount = (actor: Actor) =>
    client.request('members.privacy.delete', { personId: actor.personId }, as(actor));
  const deletedEvents = async (personId: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from outbox
        where type = 'members.person.deleted' and envelope->'data'->>'personId' = ${personId}`.execute(service.db)
    ).rows[0].n;
  const adminsOf = async (organizationId: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from memberships
        where organization_id = ${organizationId} and role = 'admin' and status = 'active'`.execute(service.db)
    ).rows[0].n;

  beforeAll(async () => {
    run = await createIsolatedRun('members-privacy');
    service = await startService(membersService, run.env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'members-privacy-test',
    });
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  it('deletes an account once, announcing it once, even when asked twice at the same time', async () => {
    const person1 = await person('lison');
    const answers = await Promise.all([deleteAccount(person1), deleteAccount(person1)]);
    expect(answers.map((a) => a.deleted).sort()).toEqual([false, true]);
    expect(answers[0].deletedAt).toBe(answers[1].deletedAt);
    expect(await deletedEvents(person1.personId)).toBe(1);
  });

  it('lets only one of the last two admins go when both delete their accounts at once', async () => {
    const [first, second] = [await person('aubin'), await person('ninon')];
    const organization = await client.request(
      'members.organization.create',
      { name: `Tiers-lieu du Ségala ${seq}`, kind: 'tiers_lieu' },
      as(first),
    );
    const invited = await client.request(
      'members.membership.invite',
      { organizationId: organization.id, personId: second.personId, role: 'admin' },
      as(first),
    );
    await client.request('members.membership.accept', { id: invited.id }, as(second));

    const outcomes = await Promise.allSettled([deleteAccount(first), deleteAccount(second)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as { code: string }).code)).toEqual([
      'last_admin',
    ]);
    expect(await adminsOf(organization.id)).toBe(1);
  });

  it('refuses a deletion asked for someone else', async () => {
    const [target, other] = [await person('elouan'), await person('maelys')];
    await expect(
      client.request('members.privacy.delete', { personId: target.personId }, as(other)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.request('members.privacy.delete', { personId: target.personId }, as(null)),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await deletedEvents(target.personId)).toBe(0);
  });
});
