// Finding proposals: every filter and sort of the list, the map within a bounding box (10,000
// points), and the open-data export chunks, against real Postgres and NATS with members and
// processes running as their own processes. Proposals are written straight into the table (the
// lifecycle's own tests cover how they get there) so each case states exactly what it holds.
import {
  type Actor,
  type Process,
  type Proposal,
  type ProposalExportRow,
  type ProposalFeature,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { brotliDecompressSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import type { ProposalsDatabase } from '../src/db/schema';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(60_000);

describe('finding proposals', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let main: Process;
  let hiding: Process;
  let seq = 0;
  let ref = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `lists-${++seq}` });
  const themeA = randomUUID();
  const themeB = randomUUID();
  const territories: Record<'departement' | 'commune' | 'elsewhere', string> = {
    departement: '',
    commune: '',
    elsewhere: '',
  };
  const ids: Record<string, string> = {};
  let minute = 0;

  /** A proposal row as the lifecycle would have left it; each one a minute younger than the last. */
  async function seed(
    processId: string,
    title: string,
    values: Partial<{
      author: Actor;
      state: 'draft' | 'published' | 'withdrawn';
      theme: string;
      territory: string;
      at: [number, number];
      supports: number;
      endorsements: number;
      comments: number;
      hidden: boolean;
      body: string;
      address: string;
    }> = {},
  ): Promise<string> {
    const id = uuidv7();
    const state = values.state ?? 'published';
    const createdAt = new Date(Date.UTC(2026, 10, 1) + ++minute * 60_000);
    await (proposals.db as unknown as Kysely<ProposalsDatabase>)
      .insertInto('proposals')
      .values({
        id,
        process_id: processId,
        reference: state === 'draft' ? null : `PROP-T-${String(++ref).padStart(6, '0')}`,
        title,
        body: values.body ?? 'Le détail de la proposition.',
        locale: 'fr',
        author_id: (values.author ?? bob).personId,
        state,
        theme_id: values.theme ?? null,
        territory_id: values.territory ?? null,
        address: values.address ?? null,
        longitude: values.at?.[0] ?? null,
        latitude: values.at?.[1] ?? null,
        supports_count: values.supports ?? 0,
        endorsements_count: values.endorsements ?? 0,
        comments_count: values.comments ?? 0,
        created_at: createdAt,
        published_at: state === 'draft' ? null : createdAt,
        withdrawn_at: state === 'withdrawn' ? createdAt : null,
        hidden_at: values.hidden ? createdAt : null,
      })
      .execute();
    return id;
  }

  const list = (query: Record<string, unknown>, actor: Actor | null = null) =>
    client.request('proposals.proposal.list', { processId: main.id, ...query }, as(actor));
  const idsOf = (page: { data: Proposal[] }) => page.data.map((p) => p.id);
  const problemOf = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: 'none' }),
      (error: { code: string; errors?: unknown }) => error,
    );

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('proposal-lists', 'lists-test', 10_000));
    const signIn = (username: string, displayName: string, roles: string[]) =>
      registerPerson(client, as(null), displayName, { username, roles, email: `${username}@example.org` });
    admin = await signIn('admin', 'Admin', ['admin', 'participant']);
    alice = await signIn('alice', 'Alice Vernadet', ['participant']);
    bob = await signIn('bob', 'Bob Lestrade', ['participant']);
    const territory = async (name: string, type: 'departement' | 'commune', parentId: string | null) =>
      (await client.request('processes.territory.create', { name, type, parentId }, as(admin))).id;
    territories.departement = await territory('Aveyron', 'departement', null);
    territories.commune = await territory('Rodez', 'commune', territories.departement);
    territories.elsewhere = await territory('Figeac', 'commune', null);
    const description = { fr: 'Une concertation ouverte.' };
    main = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif de Rodez' }, description, status: 'published' },
      as(admin),
    );
    hiding = await client.request(
      'processes.process.create',
      { title: { fr: 'Votes à l’aveugle à Millau' }, description, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, main.id, { proposals: { creationEnabled: true, supportsEnabled: true } });
    await openPhase(client, admin, hiding.id, { proposals: { supportsEnabled: true, supportsHidden: true } });

    ids.bikes = await seed(main.id, 'Des arceaux à vélos devant les écoles', {
      author: alice,
      theme: themeA,
      territory: territories.commune,
      at: [2.575, 44.35],
      supports: 5,
      endorsements: 1,
      comments: 9,
    });
    ids.garden = await seed(main.id, 'Un jardin partagé dans le quartier', {
      theme: themeB,
      territory: territories.departement,
      at: [2.58, 44.36],
      supports: 9,
      endorsements: 3,
    });
    ids.benches = await seed(main.id, 'Plus de bancs sur la place du marché', {
      territory: territories.elsewhere,
      at: [2.03, 44.6],
      supports: 1,
      endorsements: 7,
      comments: 2,
    });
    ids.shuttle = await seed(main.id, 'Une navette électrique vers la gare', { author: alice, state: 'withdrawn' });
    ids.draft = await seed(main.id, 'Brouillon d’une piste cyclable', {
      author: alice,
      state: 'draft',
      at: [2.576, 44.351],
    });
    ids.hidden = await seed(main.id, 'Proposition masquée par la modération', { hidden: true, at: [2.577, 44.352] });
    for (const proposalId of [ids.garden, ids.benches]) {
      await sql`insert into supports (id, proposal_id, process_id, person_id, counted)
        values (${uuidv7()}, ${proposalId}, ${main.id}, ${alice.personId}, true)`.execute(proposals.db);
    }
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('lists published proposals only: no draft, no withdrawn one, nothing hidden by moderation', async () => {
    const page = await list({});
    expect(idsOf(page)).toEqual([ids.benches, ids.garden, ids.bikes]);
    expect(page.meta).toEqual({ total: 3, page: 1, perPage: 25 });
  });

  it('lists withdrawn proposals with `withdrawn=true` as Decidim does, or `state=withdrawn`', async () => {
    expect(idsOf(await list({ withdrawn: 'true' }))).toEqual([ids.shuttle]);
    expect(idsOf(await list({ state: 'withdrawn' }))).toEqual([ids.shuttle]);
    expect(idsOf(await list({ withdrawn: 'false' }))).toEqual([ids.benches, ids.garden, ids.bikes]);
    const contradiction = await problemOf(list({ state: 'published', withdrawn: 'true' }));
    expect(contradiction).toMatchObject({ code: 'validation_failed', errors: [{ path: 'withdrawn' }] });
    await expect(list({ state: 'draft' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('filters by theme, and by territory with every territory under it', async () => {
    expect(idsOf(await list({ themeId: themeA }))).toEqual([ids.bikes]);
    expect(idsOf(await list({ territoryId: territories.departement }))).toEqual([ids.garden, ids.bikes]);
    expect(idsOf(await list({ territoryId: territories.commune }))).toEqual([ids.bikes]);
    await expect(list({ territoryId: randomUUID() })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'territoryId' }],
    });
  });

  it('finds words in either form and pieces of titles, without accents', async () => {
    expect(idsOf(await list({ q: 'velo' }))).toEqual([ids.bikes]);
    expect(idsOf(await list({ q: 'écoles' }))).toEqual([ids.bikes]);
    expect(idsOf(await list({ q: 'arcea' }))).toEqual([ids.bikes]);
    expect(idsOf(await list({ q: 'marche' }))).toEqual([ids.benches]);
    expect(idsOf(await list({ q: 'masquée' }))).toEqual([]);
  });

  it('lists the caller’s own proposals and those they support, and asks anonymous callers to sign in', async () => {
    expect(idsOf(await list({ mine: 'true' }, alice))).toEqual([ids.bikes]);
    expect(idsOf(await list({ mine: 'true', withdrawn: 'true' }, alice))).toEqual([ids.shuttle]);
    expect(idsOf(await list({ supportedByMe: 'true' }, alice))).toEqual([ids.benches, ids.garden]);
    expect(idsOf(await list({ supportedByMe: 'true' }, bob))).toEqual([]);
    await expect(list({ mine: 'true' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(list({ supportedByMe: 'true' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('sorts by most supported, most endorsed, most commented, and still by the former sorts', async () => {
    expect(idsOf(await list({ sort: 'mostSupported' }))).toEqual([ids.garden, ids.bikes, ids.benches]);
    expect(idsOf(await list({ sort: 'mostEndorsed' }))).toEqual([ids.benches, ids.garden, ids.bikes]);
    expect(idsOf(await list({ sort: 'mostCommented' }))).toEqual([ids.bikes, ids.benches, ids.garden]);
    expect(idsOf(await list({ sort: 'createdAt' }))).toEqual([ids.bikes, ids.garden, ids.benches]);
    expect(idsOf(await list({ sort: 'title' }))).toEqual([ids.bikes, ids.benches, ids.garden]);
    await expect(list({ sort: 'hot' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  describe('in random order', () => {
    let shuffled: Process;
    const all: string[] = [];
    const pages = async (actor: Actor | null, query: Record<string, unknown> = {}) => {
      const seen: string[] = [];
      for (let page = 1; page <= 5; page++) {
        const answer = await client.request(
          'proposals.proposal.list',
          { processId: shuffled.id, sort: 'random', perPage: 7, page, ...query },
          as(actor),
        );
        seen.push(...idsOf(answer));
      }
      return seen;
    };

    beforeAll(async () => {
      shuffled = await client.request(
        'processes.process.create',
        { title: { fr: 'Tirage au sort à Espalion' }, description: { fr: 'Au hasard.' }, status: 'published' },
        as(admin),
      );
      for (let i = 0; i < 30; i++) all.push(await seed(shuffled.id, `Proposition tirée au sort numéro ${i}`));
    });

    it('is the same order for a person on every page, each proposal once', async () => {
      const first = await pages(alice);
      expect(await pages(alice)).toEqual(first);
      expect([...first].sort()).toEqual([...all].sort());
      expect(first).not.toEqual([...all].reverse());
      expect(await pages(bob)).not.toEqual(first);
    });

    it('is seeded by `seed` for anonymous callers', async () => {
      const seeded = await pages(null, { seed: 'visite-42' });
      expect(await pages(null, { seed: 'visite-42' })).toEqual(seeded);
      expect(await pages(null, { seed: 'visite-43' })).not.toEqual(seeded);
      expect(await pages(null)).toEqual(await pages(null));
    });
  });

  describe('where the active phase hides support counts', () => {
    const hidden: Record<string, string> = {};

    beforeAll(async () => {
      hidden.few = await seed(hiding.id, 'Peu de soutiens, la plus ancienne', { supports: 2, at: [3.07, 44.1] });
      hidden.many = await seed(hiding.id, 'Beaucoup de soutiens, la plus récente', { supports: 40, at: [3.08, 44.1] });
    });

    it('shows no count, and orders "most supported" as recent (no order that tells the counts)', async () => {
      const page = await client.request(
        'proposals.proposal.list',
        { processId: hiding.id, sort: 'mostSupported' },
        as(alice),
      );
      expect(idsOf(page)).toEqual([hidden.many, hidden.few]);
      expect(page.data.map((p) => p.supportsCount)).toEqual([null, null]);
      const recent = await client.request('proposals.proposal.list', { processId: hiding.id }, as(null));
      expect(idsOf(recent)).toEqual(idsOf(page));
    });

    it('hides them process by process in a list across processes, ranking the hidden ones last', async () => {
      const page = await client.request('proposals.proposal.list', { sort: 'mostSupported', perPage: 100 }, as(null));
      const byId = new Map(page.data.map((p) => [p.id, p]));
      expect(byId.get(hidden.many)?.supportsCount).toBeNull();
      expect(byId.get(ids.garden)?.supportsCount).toBe(9);
      const order = idsOf(page);
      expect(order.indexOf(ids.benches)).toBeLessThan(order.indexOf(hidden.many));
    });

    it('hides them on the map too', async () => {
      const chunk = await client.request('proposals.proposal.mapChunk', { processId: hiding.id }, as(null));
      expect(chunk.features.map((f) => f.properties.supportsCount)).toEqual([null, null]);
    });
  });

  describe('on a map', () => {
    const map = async (query: Record<string, unknown>) => {
      const features: ProposalFeature[] = [];
      let after: string | undefined;
      let chunks = 0;
      do {
        const chunk = await client.request(
          'proposals.proposal.mapChunk',
          { ...query, ...(after ? { after } : {}) },
          as(null),
        );
        features.push(...chunk.features);
        after = chunk.next ?? undefined;
        chunks++;
      } while (after && chunks < 100);
      return { features, chunks };
    };

    it('gives the located public proposals within the box as GeoJSON points, with what a marker needs', async () => {
      const { features } = await map({ processId: main.id, bbox: '2.5,44.3,2.6,44.4' });
      expect(features).toEqual([
        {
          type: 'Feature',
          id: ids.bikes,
          geometry: { type: 'Point', coordinates: [2.575, 44.35] },
          properties: {
            reference: expect.stringMatching(/^PROP-T-/),
            title: 'Des arceaux à vélos devant les écoles',
            state: 'published',
            supportsCount: 5,
            themeId: themeA,
          },
        },
        expect.objectContaining({ id: ids.garden }),
      ]);
      const everywhere = await map({ processId: main.id });
      expect(everywhere.features.map((f) => f.id).sort()).toEqual([ids.bikes, ids.garden, ids.benches].sort());
    });

    it('applies the list’s filters', async () => {
      expect((await map({ processId: main.id, themeId: themeB })).features.map((f) => f.id)).toEqual([ids.garden]);
      expect((await map({ processId: main.id, q: 'bancs' })).features.map((f) => f.id)).toEqual([ids.benches]);
      await expect(map({ processId: main.id, bbox: '3,44,2,45' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });

    it('gives 10,000 points whole, in chunks of at most 2,000', async () => {
      const big = await client.request(
        'processes.process.create',
        { title: { fr: 'Carte des idées de Toulouse' }, description: { fr: 'Dix mille.' }, status: 'published' },
        as(admin),
      );
      await sql`insert into proposals (id, process_id, reference, title, body, locale, author_id, state,
          latitude, longitude, created_at, published_at)
        select gen_random_uuid(), ${big.id}, 'PROP-MAP-' || n, 'Une idée pour la carte numéro ' || n, 'Détail', 'fr',
          ${bob.personId}, 'published', 43.5 + (n % 100) / 500.0, 1.3 + (n / 100) / 500.0, now(), now()
        from generate_series(1, 10000) n`.execute(proposals.db);
      const { features, chunks } = await map({ processId: big.id, bbox: '1.2,43.4,1.7,43.8' });
      expect(features).toHaveLength(10_000);
      expect(new Set(features.map((f) => f.id)).size).toBe(10_000);
      expect(chunks).toBeGreaterThanOrEqual(5);
      const half = await map({ processId: big.id, bbox: '1.2,43.4,1.7,43.599' });
      expect(half.features.length).toBeGreaterThan(4000);
      expect(half.features.length).toBeLessThan(6000);
    });
  });

  describe('as open data', () => {
    const exportAll = async (processId: string, limit: number) => {
      const rows: ProposalExportRow[] = [];
      let after: string | undefined;
      for (let i = 0; i < 100; i++) {
        const chunk = await client.request(
          'proposals.proposal.exportChunk',
          { processId, limit, ...(after ? { after } : {}) },
          as(null),
        );
        rows.push(...chunk.rows);
        if (!chunk.next) break;
        after = chunk.next;
      }
      return rows;
    };

    beforeAll(async () => {
      await sql`update proposals set answer_state = 'accepted', answer_body = ${JSON.stringify({ fr: 'Retenue.' })},
          answer_cost_cents = 123456, answered_at = now(), answer_published_at = now()
        where id = ${ids.garden}`.execute(proposals.db);
      await sql`update proposals set answer_state = 'rejected', answer_body = ${JSON.stringify({ fr: 'Pas encore.' })},
          answered_at = now() where id = ${ids.benches}`.execute(proposals.db);
      ids.formula = await seed(main.id, '=HYPERLINK("http://example.org","clic")', {
        body: '@SUM(1+1); "cité"\nligne deux',
        address: '-2 rue du Piège',
        at: [-1.5, 47.2],
      });
    });

    it('exports published and withdrawn proposals in chunks, never drafts nor hidden ones', async () => {
      const rows = await exportAll(main.id, 2);
      expect(rows.map((r) => r.id)).toEqual([ids.bikes, ids.garden, ids.benches, ids.shuttle, ids.formula]);
      expect(rows.find((r) => r.id === ids.shuttle)).toMatchObject({ state: 'withdrawn' });
    });

    it('carries answers only once published, and no author', async () => {
      const rows = await exportAll(main.id, 1000);
      expect(rows.find((r) => r.id === ids.garden)?.answer).toMatchObject({ state: 'accepted', costCents: 123456 });
      expect(rows.find((r) => r.id === ids.benches)?.answer).toBeNull();
      expect(Object.keys(rows[0])).not.toContain('authorId');
    });

    it('writes CSV cells that no spreadsheet runs as formulas, numbers left as numbers', async () => {
      const chunk = await client.request('proposals.proposal.exportCsvChunk', { processId: main.id }, as(null));
      const csv = brotliDecompressSync(Buffer.from(chunk.csv, 'base64')).toString('utf8');
      const start = csv.indexOf(`\r\n${ids.formula};`) + 2;
      const line = csv.slice(start, csv.indexOf('\r\n', start) + 2);
      expect(line).toContain(`;"'=HYPERLINK(""http://example.org"",""clic"")";`);
      expect(line).toContain(`;"'@SUM(1+1); ""cité""\nligne deux";`);
      expect(line).toContain(`;'-2 rue du Piège;47.2;-1.5;`);
      expect(line.endsWith('\r\n')).toBe(true);
    });

    it('leaves support counts out where the phase hides them', async () => {
      const rows = await exportAll(hiding.id, 1000);
      expect(rows.map((r) => r.supportsCount)).toEqual([null, null]);
    });
  });
});
