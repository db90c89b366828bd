// Memberships in the members service, against real Postgres and NATS.
import type { Actor, EventEnvelope, Membership, Organization } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, type IsolatedRun, registerPerson } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { membersService } from '../src/members.service';

jest.setTimeout(30_000);

describe('memberships', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let client: ServiceClient;
  let seq = 0;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let carol: Actor;
  const as = (actor: Actor | null) => ({ actor, requestId: `memberships-${++seq}` });

  async function person(username: string, roles = ['participant']): Promise<Actor> {
    return registerPerson(client, as(null), username, { username: `${username}${++seq}`, roles });
  }
  const nicknameOf = async (actor: Actor) =>
    (await sql<{ nickname: string }>`select nickname from people where id = ${actor.personId}`.execute(service.db))
      .rows[0].nickname;

  /** A verified organisation whose only admin is `owner`. */
  async function organization(owner: Actor, name = `Association ${++seq}`): Promise<Organization> {
    const created = await client.request('members.organization.create', { name, kind: 'association' }, as(owner));
    return client.request('members.organization.verify', { id: created.id }, as(admin));
  }
  const members = (organizationId: string, actor: Actor | null, status?: Membership['status']) =>
    client.request(
      'members.membership.listForOrganization',
      { organizationId, ...(status ? { status } : {}) },
      as(actor),
    );
  const check = (organizationId: string, actor: Actor) =>
    client.request('members.membership.check', { organizationId, personId: actor.personId }, as(null));
  const events = async (type: string, membershipId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<Record<string, unknown>> }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'membershipId' = ${membershipId}`.execute(service.db);
    return rows.map((r) => r.envelope);
  };
  /** Alice invites someone and they accept: an active membership. */
  async function join(org: Organization, owner: Actor, who: Actor, role: 'admin' | 'member' = 'member') {
    const invited = await client.request(
      'members.membership.invite',
      { organizationId: org.id, personId: who.personId, role },
      as(owner),
    );
    return client.request('members.membership.accept', { id: invited.id }, as(who));
  }

  beforeAll(async () => {
    run = await createIsolatedRun('memberships');
    service = await startService(membersService, run.env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'memberships-test',
    });
    await client.connect();
    admin = await person('admin', ['admin', 'participant']);
    alice = await person('alice');
    bob = await person('bob');
    carol = await person('carol');
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  it('invites a person by nickname; they accept and join, announced once', async () => {
    const org = await organization(alice);
    const invited = await client.request(
      'members.membership.invite',
      { organizationId: org.id, nickname: await nicknameOf(bob) },
      as(alice),
    );
    expect(invited).toMatchObject({ personId: bob.personId, role: 'member', status: 'invited', joinedAt: null });
    expect(await check(org.id, bob)).toEqual({ member: false, role: null, organizationVerified: true });
    expect((await members(org.id, null)).data.map((m) => m.personId)).toEqual([alice.personId]);
    expect((await members(org.id, alice, 'invited')).data.map((m) => m.personId)).toEqual([bob.personId]);
    await expect(members(org.id, bob, 'invited')).rejects.toMatchObject({ code: 'forbidden' });

    await expect(client.request('members.membership.accept', { id: invited.id }, as(alice))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(client.request('members.membership.accept', { id: invited.id }, as(carol))).rejects.toMatchObject({
      code: 'not_found',
    });
    const accepted = await client.request('members.membership.accept', { id: invited.id }, as(bob));
    expect(accepted).toMatchObject({ status: 'active', organizationName: org.name, personName: 'bob' });
    expect(accepted.joinedAt).not.toBeNull();
    expect(await check(org.id, bob)).toEqual({ member: true, role: 'member', organizationVerified: true });
    await expect(client.request('members.membership.accept', { id: invited.id }, as(bob))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await events('members.membership.joined', invited.id)).toHaveLength(1);
    const mine = await client.request('members.membership.listMine', {}, as(bob));
    expect(mine.data.map((m) => m.organizationId)).toContain(org.id);
  });

  it('lets a person ask to join; an organisation admin accepts or declines', async () => {
    const org = await organization(alice);
    const asked = await client.request('members.membership.request', { organizationId: org.id }, as(bob));
    expect(asked).toMatchObject({ status: 'requested', role: 'member' });
    await expect(
      client.request('members.membership.request', { organizationId: org.id }, as(bob)),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(client.request('members.membership.accept', { id: asked.id }, as(bob))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await client.request('members.membership.accept', { id: asked.id }, as(alice));
    expect((await check(org.id, bob)).member).toBe(true);

    const other = await client.request('members.membership.request', { organizationId: org.id }, as(carol));
    const declined = await client.request('members.membership.decline', { id: other.id }, as(alice));
    expect(declined).toMatchObject({ id: other.id, status: 'requested' });
    expect((await check(org.id, carol)).member).toBe(false);
    await expect(client.request('members.membership.accept', { id: other.id }, as(alice))).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('joins at once when an invitation meets a request, and refuses duplicates', async () => {
    const org = await organization(alice);
    await client.request('members.membership.request', { organizationId: org.id }, as(bob));
    const both = await client.request(
      'members.membership.invite',
      { organizationId: org.id, personId: bob.personId, role: 'admin' },
      as(alice),
    );
    expect(both).toMatchObject({ status: 'active', role: 'admin' });
    await expect(
      client.request('members.membership.invite', { organizationId: org.id, personId: bob.personId }, as(alice)),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses invitations from non-admins, of unknown people, and requests to join pending organisations', async () => {
    const org = await organization(alice);
    await expect(
      client.request('members.membership.invite', { organizationId: org.id, personId: carol.personId }, as(bob)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.request('members.membership.invite', { organizationId: org.id, nickname: 'personne-inconnue' }, as(alice)),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      client.request('members.membership.invite', { organizationId: org.id } as never, as(alice)),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const pending = await client.request(
      'members.organization.create',
      { name: `En attente ${seq}`, kind: 'amap' },
      as(alice),
    );
    await expect(
      client.request('members.membership.request', { organizationId: pending.id }, as(bob)),
    ).rejects.toMatchObject({ code: 'not_found' });
    const invitation = await client.request(
      'members.membership.invite',
      { organizationId: pending.id, personId: bob.personId },
      as(alice),
    );
    // An invitee sees the pending organisation they are invited to, and may decline.
    await expect(client.request('members.organization.get', { idOrSlug: pending.id }, as(bob))).resolves.toMatchObject({
      id: pending.id,
    });
    await client.request('members.membership.decline', { id: invitation.id }, as(bob));
    await expect(client.request('members.organization.get', { idOrSlug: pending.id }, as(bob))).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await check(pending.id, alice)).toEqual({ member: true, role: 'admin', organizationVerified: false });
  });

  it('lets members leave and admins remove them, announcing it', async () => {
    const org = await organization(alice);
    const bobs = await join(org, alice, bob);
    const carols = await join(org, alice, carol);
    await expect(client.request('members.membership.leave', { id: carols.id }, as(bob))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(client.request('members.membership.remove', { id: carols.id }, as(bob))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await client.request('members.membership.leave', { id: bobs.id }, as(bob));
    await client.request('members.membership.remove', { id: carols.id }, as(alice));
    expect((await members(org.id, null)).data.map((m) => m.personId)).toEqual([alice.personId]);
    expect(await events('members.membership.left', bobs.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reason: 'left', personId: bob.personId }) }),
    ]);
    expect(await events('members.membership.left', carols.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reason: 'removed', personId: carol.personId }) }),
    ]);
  });

  it('never lets the last admin leave, be removed or be demoted', async () => {
    const org = await organization(alice);
    const [own] = (await members(org.id, alice)).data;
    for (const [pattern, body, actor] of [
      ['members.membership.leave', { id: own.id }, alice],
      ['members.membership.remove', { id: own.id }, admin],
      ['members.membership.changeRole', { id: own.id, role: 'member' }, alice],
    ] as const) {
      await expect(client.request(pattern, body as never, as(actor))).rejects.toMatchObject({ code: 'last_admin' });
    }
    await join(org, alice, bob, 'admin');
    const demoted = await client.request('members.membership.changeRole', { id: own.id, role: 'member' }, as(alice));
    expect(demoted.role).toBe('member');
    expect(await check(org.id, alice)).toEqual({ member: true, role: 'member', organizationVerified: true });
    await expect(
      client.request('members.membership.changeRole', { id: own.id, role: 'admin' }, as(alice)),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps one admin when two admins leave at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const org = await organization(alice);
      const bobs = await join(org, alice, bob, 'admin');
      const [alices] = (await members(org.id, alice)).data.filter((m) => m.personId === alice.personId);
      const results = await Promise.allSettled([
        client.request('members.membership.leave', { id: alices.id }, as(alice)),
        client.request('members.membership.leave', { id: bobs.id }, as(bob)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'last_admin' } });
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from memberships
        where organization_id = ${org.id} and role = 'admin' and status = 'active'`.execute(service.db);
      expect(rows[0].n).toBe(1);
    }
  });

  it('keeps one admin when two admins demote each other at the same time', async () => {
    const org = await organization(alice);
    const bobs = await join(org, alice, bob, 'admin');
    const [alices] = (await members(org.id, alice)).data.filter((m) => m.personId === alice.personId);
    const results = await Promise.allSettled([
      client.request('members.membership.changeRole', { id: bobs.id, role: 'member' }, as(alice)),
      client.request('members.membership.changeRole', { id: alices.id, role: 'member' }, as(bob)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const admins = (await members(org.id, null)).data.filter((m) => m.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('hides memberships of pending organisations and answers check for unknown ones', async () => {
    const pending = await client.request(
      'members.organization.create',
      { name: `Pas encore ${seq}`, kind: 'other' },
      as(alice),
    );
    await expect(members(pending.id, bob)).rejects.toMatchObject({ code: 'not_found' });
    await expect(members(pending.id, null)).rejects.toMatchObject({ code: 'not_found' });
    expect((await members(pending.id, admin)).meta.total).toBe(1);
    expect(
      await client.request(
        'members.membership.check',
        { organizationId: randomUUID(), personId: alice.personId },
        as(null),
      ),
    ).toEqual({ member: false, role: null, organizationVerified: false });
    await expect(client.request('members.membership.listMine', {}, as(null))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});
