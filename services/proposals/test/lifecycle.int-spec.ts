// A participant's proposal from draft to withdrawal: drafts seen by their author alone, placement
// checked against the process (theme, territory, geolocation), the edit window, the proposal
// limit under concurrency. Members and processes run as their own processes.
import type { Actor, EventEnvelope, ParticipationSettingsInput, Process, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { sql } from 'kysely';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(60_000);

describe('a proposal from draft to withdrawal', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let seq = 0;
  let territories: { gard: string; vigan: string; lozere: string };
  let themeId: string;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `lifecycle-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const title = 'Des composteurs partagés dans chaque quartier';
  const body = 'Pour réduire les déchets et nourrir les jardins.';

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(proposals.db)).rows[0].n;
  const proposalCount = () => count(sql<{ n: number }>`select count(*)::int as n from proposals`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const eventsOf = async (proposalId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where envelope->'data'->>'proposalId' = ${proposalId} order by id`.execute(proposals.db);
    return rows.map((r) => r.envelope.type);
  };

  async function processWith(settings: ParticipationSettingsInput, territoryId?: string): Promise<Process> {
    const process = await client.request(
      'processes.process.create',
      {
        title: { fr: `Concertation ${++seq}` },
        description: { fr: 'Ouverte.' },
        status: 'published',
        settings,
        ...(territoryId ? { territoryId } : {}),
      },
      as(admin),
    );
    await openPhase(client, admin, process.id);
    return process;
  }
  const create = (actor: Actor, processId: string, fields: Record<string, unknown> = {}) =>
    client.request('proposals.proposal.create', { processId, title, body, ...fields } as never, as(actor));
  const update = (actor: Actor, id: string, fields: Record<string, unknown>) =>
    client.request('proposals.proposal.update', { id, ...fields } as never, as(actor));
  const publish = (actor: Actor, id: string) => client.request('proposals.proposal.publish', { id }, as(actor));
  const withdraw = (actor: Actor, id: string) => client.request('proposals.proposal.withdraw', { id }, as(actor));
  const get = (actor: Actor | null, id: string) => client.request('proposals.proposal.get', { id }, as(actor));

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('lifecycle', 'lifecycle-test', 10_000));
    const signIn = (username: string, displayName: string, roles: string[]) =>
      registerPerson(client, as(null), displayName, { username, roles, email: `${username}@example.org` });
    [admin, alice, bob] = await Promise.all([
      signIn('admin', 'Admin', ['admin', 'participant']),
      signIn('alice', 'Alice Vernadet', ['participant']),
      signIn('bob', 'Bob Lestrade', ['participant']),
    ]);
    const territory = (name: string, type: 'region' | 'departement' | 'commune', parentId?: string) =>
      client.request('processes.territory.create', { name, type, parentId: parentId ?? null }, as(admin));
    const occitanie = await territory('Occitanie', 'region');
    const gard = await territory('Gard', 'departement', occitanie.id);
    const vigan = await territory('Le Vigan', 'commune', gard.id);
    const lozere = await territory('Lozère', 'departement', occitanie.id);
    territories = { gard: gard.id, vigan: vigan.id, lozere: lozere.id };
    themeId = (
      await client.request('processes.theme.create', { name: { fr: 'Déchets' }, colour: '#2e7d32' }, as(admin))
    ).id;
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('keeps one open draft per person and process, seen by its author alone, announced only once published', async () => {
    const process = await processWith({ editWindowMinutes: 60 }, territories.gard);
    const draft = await create(alice, process.id, {
      draft: true,
      themeId,
      territoryId: territories.vigan,
    });
    expect(draft).toMatchObject({
      state: 'draft',
      reference: null,
      publishedAt: null,
      themeId,
      territoryId: territories.vigan,
    });
    // Asking for a draft again answers the open one.
    const again = await create(alice, process.id, { draft: true, title: 'Un tout autre titre de proposition' });
    expect(again.id).toBe(draft.id);
    expect(again.title).toBe(title);

    await expect(get(alice, draft.id)).resolves.toMatchObject({ id: draft.id });
    await expect(get(bob, draft.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(get(null, draft.id)).rejects.toMatchObject({ code: 'not_found' });
    const listed = await client.request('proposals.proposal.list', { processId: process.id } as never, as(alice));
    expect(listed.data.map((p: Proposal) => p.id)).not.toContain(draft.id);
    await expect(update(bob, draft.id, { title: 'Une reprise par quelqu’un d’autre' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(publish(bob, draft.id)).rejects.toMatchObject({ code: 'not_found' });

    const edited = await update(alice, draft.id, { body: 'Avec un guide du compostage.' });
    expect(edited).toMatchObject({ state: 'draft', body: 'Avec un guide du compostage.', title });
    expect(await eventsOf(draft.id)).toEqual([]);

    const published = await publish(alice, draft.id);
    expect(published).toMatchObject({ id: draft.id, state: 'published', body: 'Avec un guide du compostage.' });
    expect(published.reference).toMatch(/^PROP-\d{4}-\d{6}$/);
    expect(await eventsOf(draft.id)).toEqual(['proposals.proposal.created']);
    await expect(get(bob, draft.id)).resolves.toMatchObject({ state: 'published' });
    // Publishing again answers it as it is, and announces nothing more.
    await expect(publish(alice, draft.id)).resolves.toMatchObject({ reference: published.reference });
    expect(await eventsOf(draft.id)).toEqual(['proposals.proposal.created']);

    // With the first draft published, a new one can be opened.
    const next = await create(alice, process.id, { draft: true });
    expect(next.id).not.toBe(draft.id);
    const deleted = await client.request('proposals.proposal.deleteDraft', { id: next.id }, as(alice));
    expect(deleted.id).toBe(next.id);
    await expect(get(alice, next.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      client.request('proposals.proposal.deleteDraft', { id: published.id }, as(alice)),
    ).rejects.toMatchObject({ code: 'conflict' });

    // Processes counts the published proposal, never the drafts.
    await eventually(async () => {
      const seen = await client.request('processes.process.get', { idOrSlug: process.id }, as(null));
      expect(seen.proposalsCount).toBe(1);
    }, 10_000);
  });

  it('edits a published proposal within the edit window while unsupported and unanswered, then withdraws it for good', async () => {
    const process = await processWith({ editWindowMinutes: 60 });
    const proposal = await create(alice, process.id);
    await expect(update(bob, proposal.id, { body: 'Repris.' })).rejects.toMatchObject({ code: 'forbidden' });
    const edited = await update(alice, proposal.id, { title: 'Des composteurs partagés dans chaque école' });
    expect(edited.title).toBe('Des composteurs partagés dans chaque école');
    expect(await eventsOf(proposal.id)).toEqual(['proposals.proposal.created', 'proposals.proposal.updated']);

    await sql`update proposals set supports_count = 1 where id = ${proposal.id}`.execute(proposals.db);
    await expect(update(alice, proposal.id, { body: 'Encore.' })).rejects.toMatchObject({ code: 'proposal_supported' });
    await sql`update proposals set supports_count = 0, answer_state = 'evaluating', answered_at = now()
      where id = ${proposal.id}`.execute(proposals.db);
    await expect(update(alice, proposal.id, { body: 'Encore.' })).rejects.toMatchObject({ code: 'proposal_answered' });
    await sql`update proposals set answer_state = null, answered_at = null where id = ${proposal.id}`.execute(
      proposals.db,
    );

    await expect(withdraw(bob, proposal.id)).rejects.toMatchObject({ code: 'forbidden' });
    const withdrawn = await withdraw(alice, proposal.id);
    expect(withdrawn).toMatchObject({ state: 'withdrawn', reference: proposal.reference });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    await expect(get(null, proposal.id)).resolves.toMatchObject({ state: 'withdrawn' });
    await expect(withdraw(alice, proposal.id)).rejects.toMatchObject({ code: 'proposal_withdrawn' });
    await expect(update(alice, proposal.id, { body: 'Trop tard.' })).rejects.toMatchObject({
      code: 'proposal_withdrawn',
    });
    await expect(publish(alice, proposal.id)).rejects.toMatchObject({ code: 'proposal_withdrawn' });
    expect(await eventsOf(proposal.id)).toEqual([
      'proposals.proposal.created',
      'proposals.proposal.updated',
      'proposals.proposal.withdrawn',
    ]);
  });

  it('closes editing once the edit window has passed', async () => {
    const process = await processWith({ editWindowMinutes: 1 });
    const proposal = await create(alice, process.id);
    await sql`update proposals set published_at = now() - interval '2 minutes' where id = ${proposal.id}`.execute(
      proposals.db,
    );
    await expect(update(alice, proposal.id, { body: 'Trop tard.' })).rejects.toMatchObject({
      code: 'edit_window_closed',
      details: { editWindowMinutes: 1 },
    });
    await expect(get(null, proposal.id)).resolves.toMatchObject({ body });
  });

  it('closes editing of a published proposal once the process takes no more proposals, and says why', async () => {
    const process = await processWith({ editWindowMinutes: 60 });
    const proposal = await create(alice, process.id);
    await openPhase(client, admin, process.id, { proposals: { creationEnabled: false } });
    await expect(update(alice, proposal.id, { body: 'Après la phase.' })).rejects.toMatchObject({
      code: 'phase_closed',
    });
    await expect(get(null, proposal.id)).resolves.toMatchObject({ body });
    expect(await eventsOf(proposal.id)).toEqual(['proposals.proposal.created']);
  });

  it('refuses a territory outside the process, an unknown theme and a place where geolocation is off: 400 naming each, nothing written', async () => {
    const process = await processWith({}, territories.gard);
    const [before, events] = [await proposalCount(), await outboxCount()];
    await expect(
      create(alice, process.id, {
        territoryId: territories.lozere,
        themeId: '01900000-0000-7000-8000-00000000dead',
        address: '1 place de la Mairie, Le Vigan',
        latitude: 43.99,
        longitude: 3.6,
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: 'territoryId' }),
        expect.objectContaining({ path: 'themeId' }),
        expect.objectContaining({ path: 'address' }),
        expect.objectContaining({ path: 'latitude' }),
      ]),
    });
    const draft = await create(alice, process.id, { draft: true, territoryId: territories.vigan });
    const [withDraft, eventsWithDraft] = [await proposalCount(), await outboxCount()];
    expect([withDraft, eventsWithDraft]).toEqual([before + 1, events]);
    await expect(update(alice, draft.id, { territoryId: territories.lozere })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'territoryId' })],
    });
    await expect(get(alice, draft.id)).resolves.toMatchObject({ territoryId: territories.vigan });
    expect([await proposalCount(), await outboxCount()]).toEqual([withDraft, eventsWithDraft]);
  });

  it('takes an address with its coordinates where the process locates proposals, and only whole', async () => {
    const process = await processWith({ geolocationEnabled: true });
    await expect(create(alice, process.id, { address: 'Place du Quai, Le Vigan' })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'latitude' }), expect.objectContaining({ path: 'longitude' })],
    });
    const located = await create(alice, process.id, {
      address: 'Place du Quai, Le Vigan',
      latitude: 43.9912,
      longitude: 3.6061,
    });
    expect(located).toMatchObject({ address: 'Place du Quai, Le Vigan', latitude: 43.9912, longitude: 3.6061 });
    const moved = await update(alice, located.id, { address: null, latitude: null, longitude: null });
    expect(moved).toMatchObject({ address: null, latitude: null, longitude: null });
  });

  it('holds the proposal limit under 20 concurrent publications at limit − 1: exactly one passes', async () => {
    const process = await processWith({ proposalLimit: 3 });
    await create(bob, process.id, { title: 'Une première proposition de Bob' });
    await create(bob, process.id, { title: 'Une deuxième proposition de Bob' });
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => create(bob, process.id, { title: `Proposition concurrente numéro ${i}` })),
    );
    const passed = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(passed).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(19).fill('proposal_limit_reached'));
    expect(
      await count(sql<{ n: number }>`select count(*)::int as n from proposals
        where process_id = ${process.id} and state = 'published'`),
    ).toBe(3);

    // A draft may be written at the limit, but not published; withdrawing one gives its place back.
    const draft = await create(bob, process.id, { draft: true });
    await expect(publish(bob, draft.id)).rejects.toMatchObject({
      code: 'proposal_limit_reached',
      details: { proposalLimit: 3 },
    });
    const first = (await client.request('proposals.proposal.list', { processId: process.id } as never, as(bob)))
      .data[0];
    await withdraw(bob, first.id);
    await expect(publish(bob, draft.id)).resolves.toMatchObject({ state: 'published' });
  });
});
