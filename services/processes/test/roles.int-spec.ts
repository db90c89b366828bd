// Process roles, invitations to private processes and the copy of blocked people, against real
// Postgres and NATS, with members running as its own process.
import { eventSubject, type Actor, type EventEnvelope, type Process } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import {
  createIsolatedRun,
  eventually,
  type IsolatedRun,
  registerPerson,
  type ServiceProcess,
  startServiceProcess,
} from '@convergences/testing';
import { sql } from 'kysely';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { processesService } from '../src/processes.service';

jest.setTimeout(30_000);

describe('process roles and invitations', () => {
  let run: IsolatedRun;
  let service: RunningService;
  // members runs as its own process: a service's tests never import another service.
  let members: ServiceProcess;
  let client: ServiceClient;
  let nats: NatsConnection;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `roles-${++seq}` });

  /** A new person in members, as the gateway registers them on first sight of a token. */
  const person = (displayName: string, roles = ['participant']): Promise<Actor> =>
    registerPerson(client, as(null), displayName, { username: `${displayName}-${++seq}`, roles });

  let admin: Actor;
  const description = { fr: 'Une concertation ouverte à toutes et tous.' };
  const createProcess = (title: string, extra: Record<string, unknown> = {}): Promise<Process> =>
    client.request(
      'processes.process.create',
      { title: { fr: title }, description, status: 'published', ...extra },
      as(admin),
    );

  const assign = (actor: Actor | null, processId: string, personId: string, role: string) =>
    client.request('processes.role.assign', { processId, personId, role } as never, as(actor));
  const removeRole = (actor: Actor | null, processId: string, personId: string, role: string) =>
    client.request('processes.role.remove', { processId, personId, role } as never, as(actor));
  const rolesOf = (actor: Actor | null, processId: string) =>
    client.request('processes.role.list', { processId }, as(actor));
  const invite = (actor: Actor | null, processId: string, personIds: string[]) =>
    client.request('processes.invitation.create', { processId, personIds }, as(actor));

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(service.db)).rows[0].n;
  const roleCount = () => count(sql<{ n: number }>`select count(*)::int as n from process_roles`);
  const invitationCount = () => count(sql<{ n: number }>`select count(*)::int as n from process_invitations`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const snapshot = async () => ({
    roles: await roleCount(),
    invitations: await invitationCount(),
    events: await outboxCount(),
  });
  const eventsOf = async (type: string, processId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'processId' = ${processId} order by id`.execute(service.db);
    return rows.map((r) => r.envelope);
  };

  beforeAll(async () => {
    run = await createIsolatedRun('process-roles');
    [service, members] = await Promise.all([
      startService(processesService, run.env),
      startServiceProcess('members', run.env),
    ]);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'roles-test',
    });
    await client.connect();
    nats = await connect({ servers: run.natsUrl });
    admin = await person('Admin', ['admin', 'participant']);
  });

  afterAll(async () => {
    await nats?.close();
    await client?.close();
    await Promise.all([service?.close(), members?.stop()]);
    await run?.dispose();
  });

  describe('assigning roles', () => {
    it('gives a role once, announcing it once, and answers the same assignment when given again', async () => {
      const process = await createProcess('Budget participatif de Rodez');
      const moderator = await person('Maëlle');
      const assignment = await assign(admin, process.id, moderator.personId, 'moderator');
      expect(assignment).toEqual({
        processId: process.id,
        personId: moderator.personId,
        role: 'moderator',
        assignedBy: admin.personId,
        assignedAt: expect.any(String),
      });
      const before = await snapshot();
      expect(await assign(admin, process.id, moderator.personId, 'moderator')).toEqual(assignment);
      expect(await snapshot()).toEqual(before);
      expect(await eventsOf('processes.role.assigned', process.id)).toEqual([
        expect.objectContaining({
          actor: { personId: admin.personId },
          data: { processId: process.id, personId: moderator.personId, role: 'moderator' },
        }),
      ]);
    });

    it('keeps one assignment and one event when 10 identical assignments race', async () => {
      const process = await createProcess('Conseil de quartier de Figeac');
      const valuator = await person('Valentin');
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => assign(admin, process.id, valuator.personId, 'valuator')),
      );
      expect(new Set(answers.map((a) => a.assignedAt)).size).toBe(1);
      expect(await eventsOf('processes.role.assigned', process.id)).toHaveLength(1);
    });

    it('lets a person hold several roles, listed admin first and shown to every role holder', async () => {
      const process = await createProcess('Mobilités du Ségala');
      const [first, second] = [await person('Inès'), await person('Hugo')];
      await assign(admin, process.id, first.personId, 'valuator');
      await assign(admin, process.id, second.personId, 'collaborator');
      await assign(admin, process.id, first.personId, 'admin');
      const expected = [
        [first.personId, 'admin'],
        [second.personId, 'collaborator'],
        [first.personId, 'valuator'],
      ];
      for (const reader of [admin, first, second]) {
        const { data } = await rolesOf(reader, process.id);
        expect(data.map((a) => [a.personId, a.role])).toEqual(expected);
      }
    });

    it('lets a process admin give roles in their process only', async () => {
      const [mine, other] = [await createProcess('Jardins de Millau'), await createProcess('Halles de Lodève')];
      const processAdmin = await person('Aline');
      const newcomer = await person('Bastien');
      await assign(admin, mine.id, processAdmin.personId, 'admin');
      await expect(assign(processAdmin, mine.id, newcomer.personId, 'admin')).resolves.toMatchObject({
        role: 'admin',
        assignedBy: processAdmin.personId,
      });
      const before = await snapshot();
      await expect(assign(processAdmin, other.id, newcomer.personId, 'moderator')).rejects.toMatchObject({
        code: 'forbidden',
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses other role holders, participants and anonymous callers, writing nothing', async () => {
      const process = await createProcess('Forêt de Gourdon');
      const [collaborator, moderator, participant] = [
        await person('Claire'),
        await person('Mehdi'),
        await person('Paul'),
      ];
      await assign(admin, process.id, collaborator.personId, 'collaborator');
      await assign(admin, process.id, moderator.personId, 'moderator');
      const before = await snapshot();
      for (const actor of [collaborator, moderator, participant]) {
        await expect(assign(actor, process.id, participant.personId, 'valuator')).rejects.toMatchObject({
          code: 'forbidden',
        });
        await expect(removeRole(actor, process.id, moderator.personId, 'moderator')).rejects.toMatchObject({
          code: 'forbidden',
        });
      }
      await expect(assign(null, process.id, participant.personId, 'valuator')).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(rolesOf(participant, process.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(rolesOf(null, process.id)).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await snapshot()).toEqual(before);
    });

    it('answers not_found for an unknown process, and for a private one to people not in it', async () => {
      const hidden = await createProcess('Assemblée de Cajarc', { visibility: 'private' });
      const participant = await person('Nora');
      const before = await snapshot();
      await expect(assign(admin, randomUUID(), participant.personId, 'valuator')).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(rolesOf(admin, randomUUID())).rejects.toMatchObject({ code: 'not_found' });
      await expect(assign(participant, hidden.id, participant.personId, 'admin')).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(rolesOf(participant, hidden.id)).rejects.toMatchObject({ code: 'not_found' });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an unknown person on the personId field, and bad input, writing nothing', async () => {
      const process = await createProcess('Marché de Villefranche');
      const before = await snapshot();
      const nobody = uuidv7();
      await expect(assign(admin, process.id, nobody, 'moderator')).rejects.toMatchObject({
        code: 'validation_failed',
        details: { unknown: [nobody] },
        errors: [{ path: 'personId', message: 'No such person.' }],
      });
      await expect(assign(admin, process.id, admin.personId, 'owner')).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'role' })],
      });
      await expect(assign(admin, process.id, 'someone', 'moderator')).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'personId' })],
      });
      await expect(
        client.request(
          'processes.role.assign',
          { processId: process.id, personId: admin.personId, role: 'admin', assignedBy: admin.personId } as never,
          as(admin),
        ),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await snapshot()).toEqual(before);
    });

    it('checks who asks before saying whether a person exists', async () => {
      const process = await createProcess('Tiers-lieu de Capdenac');
      const participant = await person('Lucie');
      await expect(assign(participant, process.id, uuidv7(), 'moderator')).rejects.toMatchObject({
        code: 'forbidden',
      });
    });
  });

  describe('removing roles', () => {
    it('removes a role once, announcing it once; removing it again answers removed: false', async () => {
      const process = await createProcess('Eau potable du Lot');
      const valuator = await person('Jeanne');
      await assign(admin, process.id, valuator.personId, 'valuator');
      expect(await removeRole(admin, process.id, valuator.personId, 'valuator')).toEqual({ removed: true });
      const before = await snapshot();
      expect(await removeRole(admin, process.id, valuator.personId, 'valuator')).toEqual({ removed: false });
      expect(await snapshot()).toEqual(before);
      expect((await rolesOf(admin, process.id)).data).toEqual([]);
      expect(await eventsOf('processes.role.removed', process.id)).toEqual([
        expect.objectContaining({ data: { processId: process.id, personId: valuator.personId, role: 'valuator' } }),
      ]);
    });

    it('keeps the only process admin from giving up their own admin role, but not a platform admin', async () => {
      const process = await createProcess('Culture en Quercy');
      const [only, second] = [await person('Odile'), await person('Samir')];
      await assign(admin, process.id, only.personId, 'admin');
      const before = await snapshot();
      await expect(removeRole(only, process.id, only.personId, 'admin')).rejects.toMatchObject({
        code: 'last_admin',
      });
      expect(await snapshot()).toEqual(before);

      await assign(only, process.id, second.personId, 'admin');
      expect(await removeRole(only, process.id, only.personId, 'admin')).toEqual({ removed: true });
      // The remaining admin is the last one now: a platform admin may still remove them.
      expect(await removeRole(admin, process.id, second.personId, 'admin')).toEqual({ removed: true });
      expect((await rolesOf(admin, process.id)).data).toEqual([]);
    });

    it('lets exactly one of two process admins give up the role when both try at once', async () => {
      const process = await createProcess('Déplacements dans le Causse');
      const [one, two] = [await person('Rose'), await person('Yann')];
      await assign(admin, process.id, one.personId, 'admin');
      await assign(admin, process.id, two.personId, 'admin');
      const outcomes = await Promise.allSettled([
        removeRole(one, process.id, one.personId, 'admin'),
        removeRole(two, process.id, two.personId, 'admin'),
      ]);
      const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { code: string }).code));
      expect(codes.sort()).toEqual(['last_admin', 'ok']);
      expect((await rolesOf(admin, process.id)).data.filter((a) => a.role === 'admin')).toHaveLength(1);
    });
  });

  describe('the roles of a person', () => {
    it('lists the processes where the person holds roles, to them and to platform admins only', async () => {
      const [b, a] = [await createProcess('Brasserie coopérative'), await createProcess('Atelier vélo partagé')];
      const holder = await person('Gaëlle');
      const other = await person('Thomas');
      await assign(admin, b.id, holder.personId, 'valuator');
      await assign(admin, b.id, holder.personId, 'moderator');
      await assign(admin, a.id, holder.personId, 'collaborator');
      const expected = {
        data: [
          { processId: a.id, slug: a.slug, title: a.title, roles: ['collaborator'] },
          { processId: b.id, slug: b.slug, title: b.title, roles: ['moderator', 'valuator'] },
        ],
      };
      for (const reader of [holder, admin]) {
        expect(await client.request('processes.role.listMine', { personId: holder.personId }, as(reader))).toEqual(
          expected,
        );
      }
      expect(await client.request('processes.role.listMine', { personId: other.personId }, as(other))).toEqual({
        data: [],
      });
      await expect(
        client.request('processes.role.listMine', { personId: holder.personId }, as(other)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        client.request('processes.role.listMine', { personId: holder.personId }, as(null)),
      ).rejects.toMatchObject({ code: 'unauthenticated' });
    });
  });

  describe('invitations', () => {
    it('invites many people at once, once each, and makes the private process visible to them only', async () => {
      const process = await createProcess('Assemblée citoyenne de Saint-Céré', { visibility: 'private' });
      const [one, two, three, outsider] = [
        await person('Anaïs'),
        await person('Basile'),
        await person('Chloé'),
        await person('Denis'),
      ];
      await expect(client.request('processes.process.get', { idOrSlug: process.id }, as(one))).rejects.toMatchObject({
        code: 'not_found',
      });

      const first = await invite(admin, process.id, [one.personId, two.personId, one.personId]);
      expect(first.data.map((i) => i.personId).sort()).toEqual([one.personId, two.personId].sort());
      expect(first.data.every((i) => i.invitedBy === admin.personId)).toBe(true);
      const second = await invite(admin, process.id, [two.personId, three.personId]);
      expect(second.data.map((i) => i.personId).sort()).toEqual([two.personId, three.personId].sort());
      expect(second.data.find((i) => i.personId === two.personId)).toEqual(
        first.data.find((i) => i.personId === two.personId),
      );
      expect((await eventsOf('processes.invitation.created', process.id)).map((e) => e.data)).toEqual(
        expect.arrayContaining([
          { processId: process.id, personId: one.personId },
          { processId: process.id, personId: two.personId },
          { processId: process.id, personId: three.personId },
        ]),
      );
      expect(await eventsOf('processes.invitation.created', process.id)).toHaveLength(3);

      await expect(client.request('processes.process.get', { idOrSlug: process.id }, as(one))).resolves.toMatchObject({
        id: process.id,
      });
      await expect(
        client.request('processes.process.get', { idOrSlug: process.id }, as(outsider)),
      ).rejects.toMatchObject({ code: 'not_found' });

      const listed = await client.request('processes.invitation.list', { processId: process.id }, as(admin));
      expect(listed.data.map((i) => i.personId).sort()).toEqual([one.personId, two.personId, three.personId].sort());
      // Invited people see the process, not who else is invited.
      await expect(
        client.request('processes.invitation.list', { processId: process.id }, as(one)),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('invites nobody when one of the ids is no person, naming it', async () => {
      const process = await createProcess('Cantine solidaire de Bagnac', { visibility: 'private' });
      const known = await person('Émile');
      const nobody = uuidv7();
      const before = await snapshot();
      await expect(invite(admin, process.id, [known.personId, nobody])).rejects.toMatchObject({
        code: 'validation_failed',
        details: { unknown: [nobody] },
        errors: [{ path: 'personIds.1', message: 'No such person.' }],
      });
      await expect(invite(admin, process.id, [])).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'personIds' })],
      });
      expect(await snapshot()).toEqual(before);
    });

    it('lets the process admins invite and uninvite, nobody else', async () => {
      const process = await createProcess('Épicerie participative de Livinhac', { visibility: 'private' });
      const [processAdmin, moderator, guest] = [await person('Fanny'), await person('Gilles'), await person('Hélène')];
      await assign(admin, process.id, processAdmin.personId, 'admin');
      await assign(admin, process.id, moderator.personId, 'moderator');
      await invite(processAdmin, process.id, [guest.personId]);
      const before = await snapshot();
      for (const actor of [moderator, guest]) {
        await expect(invite(actor, process.id, [moderator.personId])).rejects.toMatchObject({ code: 'forbidden' });
        await expect(
          client.request('processes.invitation.remove', { processId: process.id, personId: guest.personId }, as(actor)),
        ).rejects.toMatchObject({ code: 'forbidden' });
      }
      await expect(invite(null, process.id, [guest.personId])).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await snapshot()).toEqual(before);

      const uninvite = () =>
        client.request(
          'processes.invitation.remove',
          { processId: process.id, personId: guest.personId },
          as(processAdmin),
        );
      expect(await uninvite()).toEqual({ removed: true });
      expect(await uninvite()).toEqual({ removed: false });
      expect(await eventsOf('processes.invitation.removed', process.id)).toEqual([
        expect.objectContaining({ data: { processId: process.id, personId: guest.personId } }),
      ]);
      await expect(client.request('processes.process.get', { idOrSlug: process.id }, as(guest))).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });

  describe('a deleted account', () => {
    it('loses its roles and invitations, each removal announced, and exports them before', async () => {
      const [open, closed] = [
        await createProcess('Ressourcerie de Decazeville'),
        await createProcess('Conseil des aînés de Cahors', { visibility: 'private' }),
      ];
      const leaving = await person('Ivan');
      await assign(admin, open.id, leaving.personId, 'moderator');
      await invite(admin, closed.id, [leaving.personId]);
      const exported = await client.request('processes.privacy.export', { personId: leaving.personId }, as(leaving));
      expect(exported.data).toMatchObject({
        createdProcesses: [],
        processRoles: [{ processId: open.id, slug: open.slug, role: 'moderator', assignedAt: expect.any(String) }],
        processInvitations: [{ processId: closed.id, slug: closed.slug, invitedAt: expect.any(String) }],
      });

      await client.request('members.privacy.delete', { personId: leaving.personId }, as(leaving));
      await eventually(async () => {
        const left = await count(sql<{ n: number }>`select
          (select count(*) from process_roles where person_id = ${leaving.personId})
          + (select count(*) from process_invitations where person_id = ${leaving.personId}) as n`);
        expect(left).toBe(0);
      }, 10_000);
      expect(await eventsOf('processes.role.removed', open.id)).toEqual([
        expect.objectContaining({ data: { processId: open.id, personId: leaving.personId, role: 'moderator' } }),
      ]);
      expect(await eventsOf('processes.invitation.removed', closed.id)).toEqual([
        expect.objectContaining({ data: { processId: closed.id, personId: leaving.personId } }),
      ]);
    });
  });

  describe('the copy of blocked people', () => {
    const isBlocked = async (personId: string) =>
      (await count(sql<{ n: number }>`select count(*)::int as n from blocked_people where person_id = ${personId}`)) ===
      1;

    /** Publishes a members event as its relay would, and waits until the consumer has dealt with it. */
    const deliver = async (
      type: 'members.person.blocked' | 'members.person.unblocked',
      personId: string,
      occurredAt: Date,
      id = uuidv7(),
    ) => {
      const envelope = {
        id,
        type,
        occurredAt: occurredAt.toISOString(),
        actor: null,
        data: type === 'members.person.blocked' ? { personId, reason: 'Propos injurieux répétés.' } : { personId },
        schemaVersion: 1,
      };
      const subject = eventSubject(type, run.subjectPrefix);
      const ack = await nats.jetstream().publish(subject, JSON.stringify(envelope), { msgID: id });
      const consumer = type === 'members.person.blocked' ? 'processes-blocked-people' : 'processes-unblocked-people';
      const jsm = await nats.jetstreamManager();
      await eventually(async () => {
        const info = await jsm.consumers.info(run.stream, consumer);
        expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(ack.seq);
        expect(info.num_pending).toBe(0);
        expect(info.num_ack_pending).toBe(0);
      }, 10_000);
    };

    it('follows the blocks and unblocks members announces', async () => {
      const target = await person('Kevin');
      await client.request(
        'members.person.block',
        { id: target.personId, reason: 'Messages insultants sur les débats.' },
        as(admin),
      );
      await eventually(async () => expect(await isBlocked(target.personId)).toBe(true), 10_000);
      await client.request('members.person.unblock', { id: target.personId }, as(admin));
      await eventually(async () => expect(await isBlocked(target.personId)).toBe(false), 10_000);

      // The block announced again late (a replay, another message id) does not undo the newer unblock.
      await deliver('members.person.blocked', target.personId, new Date(Date.now() - 60_000));
      expect(await isBlocked(target.personId)).toBe(false);
    });

    it('keeps the newest change whatever order the two consumers apply them in', async () => {
      const personId = randomUUID();
      const [t1, t2, t3] = [new Date(Date.now() - 3000), new Date(Date.now() - 2000), new Date(Date.now() - 1000)];
      await deliver('members.person.unblocked', personId, t2);
      await deliver('members.person.blocked', personId, t1);
      expect(await isBlocked(personId)).toBe(false);
      await deliver('members.person.blocked', personId, t3);
      expect(await isBlocked(personId)).toBe(true);
      await deliver('members.person.unblocked', personId, t2);
      expect(await isBlocked(personId)).toBe(true);
      const { rows } = await sql<{ blocked_at: Date }>`select blocked_at from blocked_people
        where person_id = ${personId}`.execute(service.db);
      expect(rows[0].blocked_at.toISOString()).toBe(t3.toISOString());
    });

    it('breaks a tie of times with the event ids, the later id winning', async () => {
      const personId = randomUUID();
      const at = new Date(Date.now() - 5000);
      const [earlier, later] = [uuidv7(), uuidv7()];
      await deliver('members.person.unblocked', personId, at, later);
      await deliver('members.person.blocked', personId, at, earlier);
      expect(await isBlocked(personId)).toBe(false);
    });
  });
});
