// The proposals service with the members and processes services it relies on, all in one
// isolated run against real Postgres and NATS. Members and processes run as their own processes:
// a service's tests never import another service.
import type { Actor, EventEnvelope, Process, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(30_000);

describe('proposals service', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let published: Process;
  let other: Process;
  let draft: Process;
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `proposals-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const year = new Date().getUTCFullYear();

  const signIn = (username: string, displayName: string, roles: string[], locale: 'fr' | 'en' = 'fr') =>
    registerPerson(client, as(null), displayName, { username, roles, locale, email: `${username}@example.org` });
  const propose = (
    actor: Actor | null,
    processId: string,
    title: string,
    body = 'Le détail de la proposition.',
    idempotencyKey?: string,
  ) => client.request('proposals.proposal.create', { processId, title, body }, as(actor, idempotencyKey));

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(proposals.db)).rows[0].n;
  const proposalCount = () => count(sql<{ n: number }>`select count(*)::int as n from proposals`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const proposalsTitled = (title: string) =>
    count(sql<{ n: number }>`select count(*)::int as n from proposals where title = ${title}`);
  const createdEvents = async (proposalId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = 'proposals.proposal.created' and envelope->'data'->>'proposalId' = ${proposalId}`.execute(
      proposals.db,
    );
    return rows.map((r) => r.envelope);
  };

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('proposals', 'proposals-test'));
    admin = await signIn('admin', 'Admin', ['admin', 'participant']);
    alice = await signIn('alice', 'Alice Vernadet', ['participant']);
    bob = await signIn('bob', 'Bob Lestrade', ['participant'], 'en');
    const description = { fr: 'Une concertation ouverte.' };
    published = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif de Rodez' }, description, status: 'published' },
      as(admin),
    );
    other = await client.request(
      'processes.process.create',
      { title: { fr: 'Transition écologique à Figeac' }, description, status: 'published' },
      as(admin),
    );
    draft = await client.request(
      'processes.process.create',
      { title: { fr: 'Rénovation du centre de Conques' }, description },
      as(admin),
    );
    await openPhase(client, admin, published.id);
    await openPhase(client, admin, other.id);
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('lets a participant propose in a published process, under a readable reference and their name', async () => {
    const proposal = await propose(
      alice,
      published.id,
      'Des arceaux à vélos devant les écoles',
      'Pour que les enfants viennent à vélo.',
    );
    expect(proposal).toMatchObject({
      processId: published.id,
      reference: `PROP-${year}-000001`,
      title: 'Des arceaux à vélos devant les écoles',
      body: 'Pour que les enfants viennent à vélo.',
      locale: 'fr',
      authorId: alice.personId,
      authorName: 'Alice Vernadet',
      state: 'published',
    });
    expect(proposal.publishedAt).not.toBeNull();
    await expect(client.request('proposals.proposal.get', { id: proposal.id }, as(null))).resolves.toEqual(proposal);
    expect(await createdEvents(proposal.id)).toEqual([
      expect.objectContaining({
        actor: { personId: alice.personId },
        data: {
          proposalId: proposal.id,
          processId: published.id,
          authorId: alice.personId,
          reference: proposal.reference,
          title: proposal.title,
        },
      }),
    ]);

    const second = await propose(bob, published.id, 'A community fridge at the town hall');
    expect(second.reference).toBe(`PROP-${year}-000002`);
    expect(second).toMatchObject({ locale: 'en', authorName: 'Bob Lestrade' });
  });

  it('learns the names of people the members service registers', async () => {
    const denise = await signIn('denise', 'Denise Carbonnel', ['participant']);
    await eventually(async () => {
      const { rows } = await sql<{
        display_name: string;
      }>`select display_name from authors where person_id = ${denise.personId}`.execute(proposals.db);
      expect(rows).toEqual([{ display_name: 'Denise Carbonnel' }]);
    }, 10_000);
  });

  it('refuses proposals to a draft: not published for an admin, not found for a participant', async () => {
    const [before, events] = [await proposalCount(), await outboxCount()];
    await expect(propose(admin, draft.id, 'Une proposition trop tôt venue')).rejects.toMatchObject({
      code: 'process_not_published',
      details: { processId: draft.id },
    });
    await expect(propose(alice, draft.id, 'Une proposition trop tôt venue')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await proposalCount()).toBe(before);
    expect(await outboxCount()).toBe(events);
  });

  it('refuses proposals with phase_closed when no phase, or a phase that does not open them, is active', async () => {
    const closedOne = await client.request(
      'processes.process.create',
      {
        title: { fr: 'Information sur le PLUi du Grand Figeac' },
        description: { fr: 'Informer.' },
        status: 'published',
      },
      as(admin),
    );
    const [before, events] = [await proposalCount(), await outboxCount()];
    await expect(propose(alice, closedOne.id, 'Une proposition avant toute phase')).rejects.toMatchObject({
      code: 'phase_closed',
      details: { processId: closedOne.id, action: 'create_proposal', activePhaseId: null },
    });
    const information = await openPhase(client, admin, closedOne.id, { comments: { enabled: true } });
    await expect(propose(alice, closedOne.id, 'Une proposition en phase d’information')).rejects.toMatchObject({
      code: 'phase_closed',
      details: { processId: closedOne.id, activePhaseId: information },
    });
    expect(await proposalCount()).toBe(before);
    expect(await outboxCount()).toBe(events);
    await openPhase(client, admin, closedOne.id);
    await expect(propose(alice, closedOne.id, 'Une proposition une fois la phase ouverte')).resolves.toMatchObject({
      processId: closedOne.id,
    });
  });

  it('answers not_found for an unknown process and unauthenticated without an actor', async () => {
    await expect(propose(alice, randomUUID(), 'Une proposition sans processus')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(propose(null, published.id, 'Une proposition anonyme, refusée')).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('rejects a 3-character title with validation_failed, writing nothing', async () => {
    const [before, events] = [await proposalCount(), await outboxCount()];
    await expect(propose(alice, published.id, 'Vél')).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'title' })],
    });
    expect(await proposalCount()).toBe(before);
    expect(await outboxCount()).toBe(events);
  });

  it('answers a retry with the same idempotency key with the first proposal', async () => {
    const title = 'Un composteur collectif rue des Lilas';
    const key = `key-${randomUUID()}`;
    const first = await propose(alice, published.id, title, 'Premier envoi.', key);
    const retry = await propose(alice, published.id, title, 'Premier envoi.', key);
    expect(retry).toEqual(first);
    expect(await proposalsTitled(title)).toBe(1);
    expect(await createdEvents(first.id)).toHaveLength(1);

    // The key is the author's own: someone else using it creates their own proposal.
    const bobs = await propose(bob, published.id, title, 'Premier envoi.', key);
    expect(bobs.id).not.toBe(first.id);
    expect(await proposalsTitled(title)).toBe(2);
  });

  it('creates one proposal when requests with the same idempotency key arrive together', async () => {
    const title = 'Une boîte à livres sur la place du marché';
    const key = `key-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => propose(alice, published.id, title, 'Envoi simultané.', key)),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await proposalsTitled(title)).toBe(1);
    expect(await createdEvents(answers[0].id)).toHaveLength(1);
  });

  describe('listing', () => {
    // Proposals of this block live in their own process.
    const titles = [
      'Arbres fruitiers au parc',
      'Bancs ombragés pour les aînés',
      'Cantine bio au collège',
      'Douches publiques au stade',
      'Éclairage solaire des allées',
    ];
    const created: Proposal[] = [];

    beforeAll(async () => {
      for (const title of [titles[3], titles[0], titles[4], titles[2], titles[1]]) {
        created.push(
          await propose(
            title.startsWith('C') ? bob : alice,
            other.id,
            `${title} de Figeac`,
            `Proposition : ${title.toLowerCase()}.`,
          ),
        );
      }
    });

    const list = (query: Record<string, unknown>) =>
      client.request('proposals.proposal.list', { processId: other.id, ...query }, as(null));
    const titlesOf = (page: { data: Proposal[] }) => page.data.map((p) => p.title.replace(/ de Figeac$/, ''));

    it('lists only the proposals of the process asked for', async () => {
      const page = await list({});
      expect(page.meta.total).toBe(5);
      expect(page.data.every((p) => p.processId === other.id)).toBe(true);
      const everywhere = await client.request('proposals.proposal.list', {}, as(null));
      expect(everywhere.meta.total).toBe(await proposalCount());
      expect(everywhere.meta.total).toBeGreaterThan(5);
    });

    it('filters by text in the title or the body, case-insensitively', async () => {
      expect(titlesOf(await list({ q: 'CANTINE' }))).toEqual(['Cantine bio au collège']);
      expect(titlesOf(await list({ q: 'proposition : douches' }))).toEqual(['Douches publiques au stade']);
      expect((await list({ q: 'piscine' })).meta.total).toBe(0);
      expect((await list({ q: '%' })).meta.total).toBe(0);
    });

    it('sorts by title both ways and by creation date', async () => {
      expect(titlesOf(await list({ sort: 'title' }))).toEqual(titles);
      expect(titlesOf(await list({ sort: '-title' }))).toEqual([...titles].reverse());
      expect((await list({ sort: 'createdAt' })).data.map((p) => p.id)).toEqual(created.map((p) => p.id));
      expect((await list({ sort: '-createdAt' })).data.map((p) => p.id)).toEqual(
        [...created].reverse().map((p) => p.id),
      );
      expect((await list({})).data.map((p) => p.id)).toEqual([...created].reverse().map((p) => p.id));
    });

    it('paginates with a correct total', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => list({ sort: 'title', perPage: 2, page })));
      expect(pages.map(titlesOf)).toEqual([titles.slice(0, 2), titles.slice(2, 4), titles.slice(4), []]);
      for (const [index, page] of pages.entries()) expect(page.meta).toEqual({ total: 5, page: index + 1, perPage: 2 });
      const filtered = await list({ q: 'au', perPage: 1, page: 2, sort: 'title' });
      expect(filtered.meta).toEqual({ total: 3, page: 2, perPage: 1 });
      expect(titlesOf(filtered)).toEqual(['Cantine bio au collège']);
    });

    it('shows each author under their name', async () => {
      const page = await list({ sort: 'title' });
      expect(page.data.map((p) => p.authorName)).toEqual([
        'Alice Vernadet',
        'Alice Vernadet',
        'Bob Lestrade',
        'Alice Vernadet',
        'Alice Vernadet',
      ]);
    });
  });
});
