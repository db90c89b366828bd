// The debates service with members and processes as their own processes, in one isolated run
// against real Postgres and NATS.
import type { Actor, Debate, EventEnvelope, Process } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { registerPerson } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { openPhase, startDebatesRun, type DebatesRun } from './support/start-debates-run';

jest.setTimeout(30_000);

describe('debates', () => {
  let debatesRun: DebatesRun;
  let debates: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let process: Process;
  let closedPhaseProcess: Process;
  let noOrganizer: Process;
  let themeId: string;
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `debates-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const participantDebate = {
    title: 'Quelle place pour les tiers-lieux ?',
    description: 'Cafés associatifs, ateliers partagés : qu’attendons-nous de nos tiers-lieux ?',
  };

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(debates.db)).rows[0].n;
  const debateCount = () => count(sql<{ n: number }>`select count(*)::int as n from debates`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const eventsOf = async (type: string, debateId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'debateId' = ${debateId}`.execute(debates.db);
    return rows.map((r) => r.envelope);
  };
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = async (request: () => Promise<unknown>) => {
    const [before, events] = [await debateCount(), await outboxCount()];
    const error = await request().then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as { code: string; errors?: { path: string }[]; details?: Record<string, unknown> },
    );
    expect(await debateCount()).toBe(before);
    expect(await outboxCount()).toBe(events);
    return error;
  };
  const open = (actor: Actor, processId: string, fields: Record<string, unknown> = participantDebate, key?: string) =>
    client.request('debates.debate.create', { processId, ...fields } as never, as(actor, key)) as Promise<Debate>;

  beforeAll(async () => {
    debatesRun = await startDebatesRun('debates');
    ({ debates, client } = debatesRun);
    const signIn = (username: string, displayName: string, roles = ['participant'], locale: 'fr' | 'en' = 'fr') =>
      registerPerson(client, as(null), displayName, { username, roles, locale });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    alice = await signIn('alice', 'Alice Vernadet');
    bob = await signIn('bob', 'Bob Lestrade', ['participant'], 'en');
    const organizer = await client.request(
      'members.organization.create',
      { name: 'Communauté de communes du Lodévois', kind: 'collectivite' },
      as(admin),
    );
    const description = { fr: 'Une concertation ouverte.' };
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Tiers-lieux du Lodévois' }, description, status: 'published', organizerId: organizer.id },
      as(admin),
    );
    closedPhaseProcess = await client.request(
      'processes.process.create',
      { title: { fr: 'Mobilités du Larzac' }, description, status: 'published', organizerId: organizer.id },
      as(admin),
    );
    noOrganizer = await client.request(
      'processes.process.create',
      { title: { fr: 'Jardins partagés de Clermont' }, description, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id, { debates: { creationEnabled: true } });
    await openPhase(client, admin, closedPhaseProcess.id, { proposals: { creationEnabled: true } });
    await openPhase(client, admin, noOrganizer.id, { debates: { creationEnabled: true } });
    themeId = (
      await client.request(
        'processes.theme.create',
        { name: { fr: `Tiers-lieux ${randomUUID().slice(0, 8)}` }, colour: '#2e7d32' },
        as(admin),
      )
    ).id;
  });

  afterAll(() => debatesRun?.stop());

  it('lets a participant open a debate when the phase opens debates, in their language and under their name', async () => {
    const debate = await open(bob, process.id, { ...participantDebate, themeId });
    expect(debate).toMatchObject({
      processId: process.id,
      official: false,
      title: { en: participantDebate.title },
      description: { en: participantDebate.description },
      instructions: null,
      informationUpdates: [],
      themeId,
      startsAt: null,
      endsAt: null,
      authorId: bob.personId,
      authorName: 'Bob Lestrade',
      state: 'open',
      conclusions: null,
      closedAt: null,
      commentsCount: 0,
      lastCommentAt: null,
    });
    await expect(client.request('debates.debate.get', { id: debate.id }, as(null))).resolves.toEqual(debate);
    expect(await eventsOf('debates.debate.created', debate.id)).toEqual([
      expect.objectContaining({
        actor: { personId: bob.personId },
        data: { debateId: debate.id, processId: process.id, authorId: bob.personId },
      }),
    ]);
    const french = await open(alice, process.id, { ...participantDebate, locale: 'fr' });
    expect(french.title).toEqual({ fr: participantDebate.title });
  });

  it('refuses a debate where the phase opens none, to anonymous callers, and with bad fields, changing nothing', async () => {
    expect(await refused(() => open(alice, closedPhaseProcess.id))).toMatchObject({ code: 'phase_closed' });
    expect(
      await refused(() =>
        client.request('debates.debate.create', { processId: process.id, ...participantDebate }, as(null)),
      ),
    ).toMatchObject({ code: 'unauthenticated' });
    const invalid = await refused(() =>
      open(alice, process.id, { ...participantDebate, instructions: 'Lire la charte.', themeId: randomUUID() }),
    );
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.errors?.map((e) => e.path).sort()).toEqual(['instructions', 'themeId']);
    const reversed = await refused(() =>
      open(alice, process.id, {
        ...participantDebate,
        startsAt: '2026-05-02T10:00:00Z',
        endsAt: '2026-05-01T10:00:00Z',
      }),
    );
    expect(reversed.errors?.map((e) => e.path)).toEqual(['endsAt']);
    const short = await refused(() => open(alice, process.id, { title: 'Court', description: 'Trop court' }));
    expect(short.errors?.map((e) => e.path).sort()).toEqual(['description', 'title']);
  });

  it('opens an official debate for the process’s admins only, whatever the phase, in the organiser’s name', async () => {
    const official = await open(admin, closedPhaseProcess.id, {
      official: true,
      title: { fr: 'Quelles mobilités pour le plateau ?', en: 'Which mobility for the plateau?' },
      description: { fr: 'Covoiturage, transport à la demande, vélo : débattons-en.' },
      instructions: { fr: 'Restez courtois et précis.', en: 'Be courteous and precise.' },
      startsAt: '2026-03-01T08:00:00Z',
      endsAt: '2026-03-31T18:00:00+02:00',
    });
    expect(official).toMatchObject({
      official: true,
      title: { fr: 'Quelles mobilités pour le plateau ?', en: 'Which mobility for the plateau?' },
      instructions: { fr: 'Restez courtois et précis.', en: 'Be courteous and precise.' },
      authorId: admin.personId,
      authorName: 'Communauté de communes du Lodévois',
      startsAt: '2026-03-01T08:00:00.000Z',
      endsAt: '2026-03-31T16:00:00.000Z',
    });
    const fields = { official: true, ...participantDebate };
    expect(await refused(() => open(alice, process.id, fields))).toMatchObject({ code: 'role_required' });
    expect(await refused(() => open(admin, noOrganizer.id, fields))).toMatchObject({ code: 'conflict' });
  });

  it('creates one debate per Idempotency-Key, however often the request is retried', async () => {
    const key = `debate-${randomUUID()}`;
    const before = await debateCount();
    const [first, ...retries] = await Promise.all([1, 2, 3].map(() => open(alice, process.id, participantDebate, key)));
    for (const retry of retries) expect(retry).toEqual(first);
    await expect(open(alice, process.id, participantDebate, key)).resolves.toEqual(first);
    expect(await debateCount()).toBe(before + 1);
    expect(await eventsOf('debates.debate.created', first.id)).toHaveLength(1);
  });

  it('lets the author edit their debate, and the process’s admins an official one with its information updates', async () => {
    const debate = await open(alice, process.id);
    const edited = await client.request(
      'debates.debate.update',
      { id: debate.id, title: 'Quels tiers-lieux pour le Lodévois ?', themeId },
      as(alice),
    );
    expect(edited).toMatchObject({ title: { fr: 'Quels tiers-lieux pour le Lodévois ?' }, themeId });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(debate.updatedAt));
    expect(
      await refused(() => client.request('debates.debate.update', { id: debate.id, themeId: null }, as(bob))),
    ).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await refused(() =>
        client.request('debates.debate.update', { id: debate.id, informationUpdate: 'Du nouveau' }, as(alice)),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'informationUpdate' }] });
    const window = await refused(() =>
      client.request(
        'debates.debate.update',
        { id: debate.id, startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-05-01T00:00:00Z' },
        as(alice),
      ),
    );
    expect(window.errors?.map((e) => e.path)).toEqual(['endsAt']);

    const official = await open(admin, process.id, { official: true, ...participantDebate });
    expect(
      await refused(() =>
        client.request('debates.debate.update', { id: official.id, title: participantDebate.title }, as(alice)),
      ),
    ).toMatchObject({
      code: 'forbidden',
    });
    const updated = await client.request(
      'debates.debate.update',
      {
        id: official.id,
        informationUpdate: { fr: 'La réunion publique aura lieu le 12 mars.' },
        endsAt: '2027-01-01T00:00:00Z',
      },
      as(admin),
    );
    const again = await client.request(
      'debates.debate.update',
      { id: official.id, informationUpdate: 'Compte rendu en ligne.' },
      as(admin),
    );
    expect(updated.endsAt).toBe('2027-01-01T00:00:00.000Z');
    expect(again.informationUpdates).toEqual([
      { body: { fr: 'La réunion publique aura lieu le 12 mars.' }, addedAt: expect.any(String) },
      { body: { fr: 'Compte rendu en ligne.' }, addedAt: expect.any(String) },
    ]);
  });

  it('closes a debate with conclusions by its author or an admin, amends them, and lets an admin alone reopen it', async () => {
    const debate = await open(alice, process.id);
    const conclusions = 'Un tiers-lieu par bassin de vie, porté par les associations.';
    expect(
      await refused(() => client.request('debates.debate.close', { id: debate.id, conclusions }, as(bob))),
    ).toMatchObject({ code: 'forbidden' });
    const closed = await client.request('debates.debate.close', { id: debate.id, conclusions }, as(alice));
    expect(closed).toMatchObject({ state: 'closed', conclusions: { fr: conclusions } });
    expect(await eventsOf('debates.debate.closed', debate.id)).toEqual([
      expect.objectContaining({
        data: { debateId: debate.id, processId: process.id, authorId: alice.personId, closedBy: alice.personId },
      }),
    ]);
    expect(
      await refused(() =>
        client.request('debates.debate.update', { id: debate.id, title: participantDebate.title }, as(alice)),
      ),
    ).toMatchObject({ code: 'debate_closed' });
    const amended = await client.request(
      'debates.debate.close',
      {
        id: debate.id,
        conclusions: { fr: 'Deux tiers-lieux pilotes dès 2027.', en: 'Two pilot third places from 2027.' },
      },
      as(admin),
    );
    expect(amended).toMatchObject({
      closedAt: closed.closedAt,
      conclusions: { fr: 'Deux tiers-lieux pilotes dès 2027.' },
    });
    expect(await refused(() => client.request('debates.debate.reopen', { id: debate.id }, as(alice)))).toMatchObject({
      code: 'forbidden',
    });
    const reopened = await client.request('debates.debate.reopen', { id: debate.id }, as(admin));
    expect(reopened).toMatchObject({ state: 'open', conclusions: null, closedAt: null });
    expect(await refused(() => client.request('debates.debate.reopen', { id: debate.id }, as(admin)))).toMatchObject({
      code: 'conflict',
    });
  });

  it('shows the debates of a private process to the people invited to it only', async () => {
    const hidden = await client.request(
      'processes.process.create',
      {
        title: { fr: 'Conseil citoyen de Lodève' },
        description: { fr: 'Sur invitation.' },
        status: 'published',
        visibility: 'private',
      },
      as(admin),
    );
    await openPhase(client, admin, hidden.id, { debates: { creationEnabled: true } });
    await client.request(
      'processes.invitation.create',
      { processId: hidden.id, personIds: [alice.personId] },
      as(admin),
    );
    const debate = await open(alice, hidden.id);
    await expect(client.request('debates.debate.get', { id: debate.id }, as(alice))).resolves.toMatchObject({
      id: debate.id,
    });
    for (const actor of [bob, null]) {
      await expect(client.request('debates.debate.get', { id: debate.id }, as(actor))).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(client.request('debates.debate.list', { processId: hidden.id }, as(actor))).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    expect(await refused(() => open(bob, hidden.id))).toMatchObject({ code: 'not_invited' });
  });

  it('lists a process’s debates by theme, state, origin, author and words, newest first', async () => {
    const listed = await client.request(
      'processes.process.create',
      {
        title: { fr: 'Alimentation durable du Lodévois' },
        description: { fr: 'Débattre.' },
        status: 'published',
        organizerId: process.organizerId,
      },
      as(admin),
    );
    await openPhase(client, admin, listed.id, { debates: { creationEnabled: true } });
    const amap = await open(alice, listed.id, {
      title: 'Des AMAP dans chaque village',
      description: 'Relier les producteurs et les habitants, semaine après semaine.',
      themeId,
    });
    const cantine = await open(bob, listed.id, {
      title: 'Des légumes locaux à la cantine',
      description: 'La restauration collective peut soutenir les fermes voisines.',
    });
    const official = await open(admin, listed.id, {
      official: true,
      title: { fr: 'Quelle filière alimentaire pour le territoire ?' },
      description: { fr: 'Le débat ouvert par la communauté de communes.' },
    });
    await client.request(
      'debates.debate.close',
      { id: cantine.id, conclusions: 'Un marché public local dès la rentrée.' },
      as(bob),
    );
    const ids = async (query: Record<string, unknown>, actor: Actor | null = null) =>
      (await client.request('debates.debate.list', { processId: listed.id, ...query }, as(actor))).data.map(
        (d) => d.id,
      );

    expect(await ids({})).toEqual([official.id, cantine.id, amap.id]);
    expect(await ids({ themeId })).toEqual([amap.id]);
    expect(await ids({ state: 'closed' })).toEqual([cantine.id]);
    expect(await ids({ state: 'open' })).toEqual([official.id, amap.id]);
    expect(await ids({ origin: 'official' })).toEqual([official.id]);
    expect(await ids({ origin: 'participant' })).toEqual([cantine.id, amap.id]);
    expect(await ids({ mine: 'true' }, alice)).toEqual([amap.id]);
    expect(await ids({ q: 'legume' })).toEqual([cantine.id]);
    expect(await ids({ q: 'villages' })).toEqual([amap.id]);
    expect(await ids({ q: 'filiere' })).toEqual([official.id]);
    await expect(
      client.request('debates.debate.list', { processId: listed.id, mine: true }, as(null)),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const page = await client.request('debates.debate.list', { processId: listed.id, perPage: 2, page: 2 }, as(null));
    expect(page).toMatchObject({ data: [{ id: amap.id }], meta: { total: 3, page: 2, perPage: 2 } });
  });
});
