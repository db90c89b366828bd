// Official answers, answer states, official proposals and the answers import, against real
// Postgres and NATS, with members and processes running as their own processes.
import type { Actor, EventEnvelope, Process } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(30_000);

describe('official answers', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let withCosts: Process;
  let publishing: Process;
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `answers-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const description = { fr: 'Une concertation ouverte.' };
  let titles = 0;
  const propose = (processId: string, author = alice) =>
    client.request(
      'proposals.proposal.create',
      { processId, title: `Une proposition pour le territoire n° ${++titles}`, body: 'Le détail.' },
      as(author),
    );
  const answer = (actor: Actor, proposalId: string, body: Record<string, unknown>) =>
    client.request('proposals.answer.give', { proposalId, ...body } as never, as(actor));
  const publicView = (id: string) => client.request('proposals.proposal.get', { id }, as(null));
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(proposals.db)).rows[0].n;
  const answeredCount = () =>
    count(sql<{ n: number }>`select count(*)::int as n from proposals where answered_at is not null`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const published = async (proposalId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = 'proposals.answer.published' and envelope->'data'->>'proposalId' = ${proposalId}`.execute(
      proposals.db,
    );
    return rows.map((r) => r.envelope.data);
  };
  const unchanged = async (action: () => Promise<unknown>, code: string) => {
    const [answers, events] = [await answeredCount(), await outboxCount()];
    await expect(action()).rejects.toMatchObject({ code });
    expect(await answeredCount()).toBe(answers);
    expect(await outboxCount()).toBe(events);
  };

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('answers', 'answers-test'));
    const signIn = (username: string, displayName: string, roles: string[]) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Admin', ['admin', 'participant']);
    alice = await signIn('alice', 'Alice Vernadet', ['participant']);
    const organizer = await client.request(
      'members.organization.create',
      { name: 'Communauté de communes du Haut-Allier', kind: 'collectivite' },
      as(admin),
    );
    withCosts = await client.request(
      'processes.process.create',
      {
        title: { fr: 'Budget participatif de Langeac' },
        description,
        status: 'published',
        organizerId: organizer.id,
        settings: { answersWithCosts: true },
      },
      as(admin),
    );
    publishing = await client.request(
      'processes.process.create',
      { title: { fr: 'Transition à Brioude' }, description, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, withCosts.id);
    await openPhase(client, admin, publishing.id, {
      proposals: { creationEnabled: true, answersPublished: true },
    });
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('holds an answer until the admin publishes the held answers of the process, one event each', async () => {
    const [first, second] = [await propose(withCosts.id), await propose(withCosts.id)];
    const accepted = await answer(admin, first.id, {
      state: 'accepted',
      body: { fr: 'Retenue pour 2027.' },
      costCents: 1_250_000,
      costReport: { fr: 'Budget voirie.' },
      executionPeriod: '2027',
    });
    expect(accepted.answer).toMatchObject({ state: 'accepted', costCents: 1_250_000, publishedAt: null });
    await answer(admin, second.id, { state: 'evaluating' });
    expect((await publicView(first.id)).answer).toBeNull();
    expect(await published(first.id)).toEqual([]);

    await expect(
      client.request('proposals.answer.publishAll', { processId: withCosts.id }, as(admin)),
    ).resolves.toEqual({ published: 2 });
    expect((await publicView(first.id)).answer).toMatchObject({
      state: 'accepted',
      body: { fr: 'Retenue pour 2027.' },
      costReport: { fr: 'Budget voirie.' },
      executionPeriod: '2027',
      publishedAt: expect.any(String),
    });
    expect(await published(first.id)).toEqual([
      { proposalId: first.id, processId: withCosts.id, authorId: alice.personId, state: 'accepted' },
    ]);
    expect(await published(second.id)).toHaveLength(1);
    await expect(
      client.request('proposals.answer.publishAll', { processId: withCosts.id }, as(admin)),
    ).resolves.toEqual({ published: 0 });
  });

  it('publishes at once when the active phase publishes answers, or when the admin says so', async () => {
    const proposal = await propose(publishing.id);
    const given = await answer(admin, proposal.id, { state: 'rejected', body: { fr: 'Hors compétence.' } });
    expect(given.answer?.publishedAt).not.toBeNull();
    expect((await publicView(proposal.id)).answer?.state).toBe('rejected');
    expect(await published(proposal.id)).toHaveLength(1);

    const held = await answer(admin, proposal.id, { state: 'evaluating', publish: false });
    expect(held.answer).toMatchObject({ state: 'evaluating', publishedAt: null });
    expect((await publicView(proposal.id)).answer).toBeNull();

    const other = await propose(withCosts.id);
    await answer(admin, other.id, { state: 'evaluating', publish: true });
    expect((await publicView(other.id)).answer?.state).toBe('evaluating');
  });

  it('refuses a participant, a rejection without text, a cost of −5 and an acceptance without costs, changing nothing', async () => {
    const proposal = await propose(withCosts.id);
    await unchanged(() => answer(alice, proposal.id, { state: 'accepted' }), 'role_required');
    await unchanged(() => answer(admin, proposal.id, { state: 'rejected' }), 'validation_failed');
    await expect(answer(admin, proposal.id, { state: 'accepted', costCents: -5 })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'costCents' })],
    });
    await expect(answer(admin, proposal.id, { state: 'accepted', body: { fr: 'Oui.' } })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: ['costCents', 'costReport', 'executionPeriod'].map((path) => expect.objectContaining({ path })),
    });
    await unchanged(() => answer(admin, proposal.id, { state: 'en-etude' }), 'validation_failed');
    await unchanged(() => answer(admin, randomUUID(), { state: 'evaluating' }), 'not_found');
    await unchanged(() => answer(null as never, proposal.id, { state: 'evaluating' }), 'unauthenticated');
  });

  it('refuses to answer a withdrawn proposal', async () => {
    const proposal = await propose(withCosts.id);
    await sql`update proposals set state = 'withdrawn', withdrawn_at = now() where id = ${proposal.id}`.execute(
      proposals.db,
    );
    await unchanged(() => answer(admin, proposal.id, { state: 'evaluating' }), 'proposal_withdrawn');
  });

  describe('answer states of a process', () => {
    const label = { fr: 'En étude technique', en: 'Technical study' };

    it('are defined, ordered, used by answers and removed only when no answer uses them', async () => {
      const create = (key: string, position?: number) =>
        client.request(
          'proposals.answerState.create',
          { processId: withCosts.id, key, label, colour: '#1f77b4', ...(position ? { position } : {}) },
          as(admin),
        );
      await create('etude-technique');
      await create('reporte');
      await create('prioritaire', 1);
      const list = await client.request('proposals.answerState.list', { processId: withCosts.id }, as(null));
      expect(list.data.map((s) => [s.key, s.position])).toEqual([
        ['prioritaire', 1],
        ['etude-technique', 2],
        ['reporte', 3],
      ]);
      await expect(create('reporte')).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        client.request(
          'proposals.answerState.create',
          { processId: withCosts.id, key: 'autre', label, colour: '#000000' },
          as(alice),
        ),
      ).rejects.toMatchObject({ code: 'role_required' });

      const moved = await client.request(
        'proposals.answerState.update',
        { processId: withCosts.id, key: 'reporte', position: 1, colour: '#ff7f0e' },
        as(admin),
      );
      expect(moved).toMatchObject({ position: 1, colour: '#ff7f0e' });

      const proposal = await propose(withCosts.id);
      await answer(admin, proposal.id, { state: 'etude-technique', publish: true });
      expect((await publicView(proposal.id)).answer?.state).toBe('etude-technique');
      await expect(
        client.request('proposals.answerState.delete', { processId: withCosts.id, key: 'etude-technique' }, as(admin)),
      ).rejects.toMatchObject({ code: 'conflict', details: { answers: 1 } });
      await client.request('proposals.answerState.delete', { processId: withCosts.id, key: 'prioritaire' }, as(admin));
      const after = await client.request('proposals.answerState.list', { processId: withCosts.id }, as(null));
      expect(after.data.map((s) => [s.key, s.position])).toEqual([
        ['reporte', 1],
        ['etude-technique', 2],
      ]);
      // Another process does not know this process's states.
      const elsewhere = await propose(publishing.id);
      await expect(answer(admin, elsewhere.id, { state: 'reporte' })).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'state' })],
      });
    });
  });

  describe('official proposals', () => {
    it("are published at once under the organiser's name, announced like any proposal", async () => {
      const proposal = await client.request(
        'proposals.proposal.createOfficial',
        {
          processId: withCosts.id,
          title: 'Rénover la halle du marché de Langeac',
          body: 'Une proposition de la communauté.',
        },
        as(admin, `official-${randomUUID()}`),
      );
      expect(proposal).toMatchObject({
        official: true,
        state: 'published',
        authorId: admin.personId,
        authorName: 'Communauté de communes du Haut-Allier',
        reference: expect.stringMatching(/^PROP-\d{4}-\d{6}$/),
      });
      await expect(publicView(proposal.id)).resolves.toEqual(proposal);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from outbox
        where type = 'proposals.proposal.created' and envelope->'data'->>'proposalId' = ${proposal.id}`.execute(
        proposals.db,
      );
      expect(rows[0].n).toBe(1);
    });

    it('are placed as any proposal: a theme, a territory within the process’s, a place where it locates them', async () => {
      const territory = (name: string, type: 'departement' | 'commune', parentId: string | null) =>
        client.request('processes.territory.create', { name, type, parentId }, as(admin));
      const hauteLoire = await territory('Haute-Loire', 'departement', null);
      const langeac = await territory('Langeac', 'commune', hauteLoire.id);
      const cantal = await territory('Cantal', 'departement', null);
      const theme = await client.request(
        'processes.theme.create',
        { name: { fr: 'Commerces de proximité' }, colour: '#ef6c00' },
        as(admin),
      );
      const located = await client.request(
        'processes.process.create',
        {
          title: { fr: 'Centre-bourg de Langeac' },
          description,
          status: 'published',
          organizerId: withCosts.organizerId,
          territoryId: hauteLoire.id,
          settings: { geolocationEnabled: true },
        },
        as(admin),
      );
      const official = (fields: Record<string, unknown>) =>
        client.request(
          'proposals.proposal.createOfficial',
          {
            processId: located.id,
            title: 'Une halle couverte pour le marché',
            body: 'Place de la Liberté.',
            ...fields,
          } as never,
          as(admin),
        );
      const place = { address: 'Place de la Liberté, Langeac', latitude: 45.1, longitude: 3.49 };
      await expect(official({ themeId: theme.id, territoryId: langeac.id, ...place })).resolves.toMatchObject({
        official: true,
        themeId: theme.id,
        territoryId: langeac.id,
        ...place,
      });
      const before = await outboxCount();
      await expect(official({ territoryId: cantal.id, address: 'Place de la Liberté' })).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [
          expect.objectContaining({ path: 'latitude' }),
          expect.objectContaining({ path: 'longitude' }),
          expect.objectContaining({ path: 'territoryId' }),
        ],
      });
      await expect(
        client.request(
          'proposals.proposal.createOfficial',
          { processId: withCosts.id, title: 'Une halle couverte pour le marché', body: 'Ici.', ...place } as never,
          as(admin),
        ),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        errors: ['address', 'latitude', 'longitude'].map((path) => expect.objectContaining({ path })),
      });
      expect(await outboxCount()).toBe(before);
    });

    it('are refused to participants and in a process without an organiser', async () => {
      const body = { title: 'Une proposition officielle refusée', body: 'Non.' };
      await expect(
        client.request('proposals.proposal.createOfficial', { processId: withCosts.id, ...body }, as(alice)),
      ).rejects.toMatchObject({ code: 'role_required' });
      await expect(
        client.request('proposals.proposal.createOfficial', { processId: publishing.id, ...body }, as(admin)),
      ).rejects.toMatchObject({ code: 'conflict' });
    });
  });

  describe('importing answers', () => {
    const importCsv = (csv: string, dryRun: boolean, actor = admin) =>
      client.request('proposals.answer.import', { processId: withCosts.id, csv, dryRun }, as(actor));

    it('reports every refused row on a dry run and changes nothing; a real import with them applies nothing', async () => {
      const [mine, third, fourth] = [
        await propose(withCosts.id),
        await propose(withCosts.id),
        await propose(withCosts.id),
      ];
      const other = await propose(publishing.id);
      const csv = [
        'id;state;answer/fr;cost;cost_report/fr;execution_period',
        `${mine.id};evaluating;À l’étude.;;;`,
        `${randomUUID()};accepted;Oui;10;Budget;2027`,
        `${other.id};evaluating;;;;`,
        `${third.id};inconnu;;;;`,
        `${fourth.id};rejected;;;;`,
        `${mine.id};evaluating;;;;`,
      ].join('\n');
      const [answers, events] = [await answeredCount(), await outboxCount()];
      const report = await importCsv(csv, true);
      expect(report).toMatchObject({ dryRun: true, rows: 6, applied: 0, published: 0 });
      expect(report.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([
        { line: 3, reason: 'unknown_id' },
        { line: 4, reason: 'other_process' },
        { line: 5, reason: 'unknown_state' },
        { line: 6, reason: 'rejected_without_text' },
        { line: 7, reason: 'duplicate' },
      ]);
      await expect(importCsv(csv, false)).rejects.toMatchObject({
        code: 'validation_failed',
        details: { report: expect.objectContaining({ dryRun: false, applied: 0 }) },
      });
      expect(await answeredCount()).toBe(answers);
      expect(await outboxCount()).toBe(events);
      expect((await publicView(mine.id)).answer).toBeNull();
    });

    it('refuses costs that are not costs and acceptances without them', async () => {
      const proposal = await propose(withCosts.id);
      const report = await importCsv(['id;state;answer/fr;cost', `${proposal.id};accepted;Oui;-5`].join('\n'), true);
      expect(report.rejected).toEqual([expect.objectContaining({ line: 2, reason: 'bad_cost' })]);
      const missing = await importCsv(['id;state;answer/fr', `${proposal.id};accepted;Oui`].join('\n'), true);
      expect(missing.rejected).toEqual([expect.objectContaining({ line: 2, reason: 'cost_required' })]);
    });

    it('applies every row of a clean file, held as the phase says', async () => {
      const [first, second] = [await propose(withCosts.id), await propose(withCosts.id)];
      const csv = [
        'id;state;answer/fr;answer/en;cost;cost_report/fr;execution_period',
        `${first.id};accepted;Retenue.;Selected.;1500,50;Budget culture;2027-2028`,
        `${second.id};rejected;Hors compétence.;;;;`,
      ].join('\n');
      const preview = await importCsv(csv, true);
      expect(preview).toEqual({ dryRun: true, rows: 2, applied: 2, published: 0, rejected: [] });
      expect(
        (await client.request('proposals.valuation.get', { proposalId: first.id }, as(admin))).proposal.answer,
      ).toBeNull();

      await expect(importCsv(csv, false, alice)).rejects.toMatchObject({ code: 'role_required' });
      expect(await importCsv(csv, false)).toEqual({ ...preview, dryRun: false });
      const seen = await client.request('proposals.valuation.get', { proposalId: first.id }, as(admin));
      expect(seen.proposal.answer).toMatchObject({
        state: 'accepted',
        body: { fr: 'Retenue.', en: 'Selected.' },
        costCents: 150_050,
        costReport: { fr: 'Budget culture' },
        executionPeriod: '2027-2028',
        publishedAt: null,
      });
      expect((await publicView(second.id)).answer).toBeNull();
    });
  });
});
