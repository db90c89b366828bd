import type { Page, Phase, Process, Proposal, ProposalMap } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { platformState } from '../support/platform-state';
import { api } from '../support/api';

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;

describe('finding proposals through the gateway', () => {
  let process: Process;
  const located: Proposal[] = [];

  beforeAll(async () => {
    const created = await api<Process>('POST', '/api/v1/processes', {
      as: 'admin',
      body: {
        title: { fr: `Carte des idées de Conques ${stamp()}` },
        description: { fr: 'Des propositions situées.' },
        status: 'published',
        settings: { geolocationEnabled: true },
      },
    });
    expect(created.status).toBe(201);
    process = created.body;
    const phase = await api<Phase>('POST', `/api/v1/processes/${process.id}/phases`, {
      as: 'admin',
      body: { title: { fr: 'Propositions' }, rules: { proposals: { creationEnabled: true } } },
    });
    expect(phase.status).toBe(201);
    await api('POST', `/api/v1/processes/${process.id}/phases/${phase.body.id}/activate`, { as: 'admin' });
    const places = [
      ['=HYPERLINK("http://example.org") devant la mairie', 44.6, 2.4],
      ['Des bancs à l’ombre sur la place', 44.61, 2.41],
      ['Un abri à vélos loin du centre', 45.9, 4.2],
    ] as const;
    for (const [title, latitude, longitude] of places) {
      const proposal = await eventually(async () => {
        const answer = await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
          as: 'alice',
          body: { title, body: '@SUM(1+1) pour tout le quartier.', address: 'Place de l’Église', latitude, longitude },
        });
        expect(answer.status).toBe(201);
        return answer.body;
      });
      located.push(proposal);
    }
  });

  it('answers the same query as a GeoJSON FeatureCollection within the box with `Accept: application/geo+json`', async () => {
    const response = await api<ProposalMap>(
      'GET',
      `/api/v1/processes/${process.slug}/proposals?bbox=2.3,44.5,2.5,44.7`,
      {
        headers: { accept: 'application/geo+json' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(response.body.type).toBe('FeatureCollection');
    expect(response.body.features.map((f) => f.id)).toEqual([located[0].id, located[1].id]);
    expect(response.body.features[1]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [2.41, 44.61] },
      properties: { title: 'Des bancs à l’ombre sur la place', state: 'published', supportsCount: 0 },
    });
    const everywhere = await api<ProposalMap>('GET', `/api/v1/proposals?processId=${process.id}&perPage=1`, {
      headers: { accept: 'application/geo+json' },
    });
    expect(everywhere.body.features).toHaveLength(3);
    const page = await api<Page<Proposal>>('GET', `/api/v1/proposals?processId=${process.id}&perPage=1`);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.body.meta.total).toBe(3);
  });

  it('answers a bad box or filter with a 400 problem, not a broken map', async () => {
    const response = await api<{ code: string }>('GET', `/api/v1/proposals?bbox=5,50,4,40`, {
      headers: { accept: 'application/geo+json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    const mine = await api<{ code: string }>('GET', `/api/v1/proposals?mine=true`);
    expect(mine.status).toBe(401);
  });

  it('lists the signed-in person’s own proposals, sorted as asked', async () => {
    const mine = await api<Page<Proposal>>('GET', `/api/v1/processes/${process.id}/proposals?mine=true&sort=title`, {
      as: 'alice',
    });
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((p) => p.id)).toEqual([located[0].id, located[1].id, located[2].id]);
    expect(
      (await api<Page<Proposal>>('GET', `/api/v1/processes/${process.id}/proposals?mine=true`, { as: 'bob' })).body.meta
        .total,
    ).toBe(0);
  });

  it('downloads the CSV export: `;`, BOM, Decidim’s column names, formulas neutralised', async () => {
    const response = await fetch(`${platformState().gatewayUrl}/api/v1/processes/${process.slug}/proposals/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="proposals-${process.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n').filter(Boolean);
    const header = lines[0].split(';');
    expect(header).toEqual(
      expect.arrayContaining(['id', 'title/fr', 'body/fr', 'address', 'latitude', 'longitude', 'state', 'reference']),
    );
    expect(header).toEqual(expect.arrayContaining(['answer/fr', 'answered_at', 'votes', 'endorsements/total_count']));
    expect(header).toEqual(expect.arrayContaining(['comments', 'published_at', 'withdrawn', 'created_at', 'cost']));
    expect(lines).toHaveLength(4);
    const first = lines[1].split(';');
    expect(first[header.indexOf('id')]).toBe(located[0].id);
    expect(first[header.indexOf('title/fr')]).toBe(`"'=HYPERLINK(""http://example.org"") devant la mairie"`);
    expect(first[header.indexOf('body/fr')]).toBe(`'@SUM(1+1) pour tout le quartier.`);
    expect(first[header.indexOf('latitude')]).toBe('44.6');
  });

  it('downloads the JSON export: a valid array of the same proposals', async () => {
    const response = await fetch(`${platformState().gatewayUrl}/api/v1/processes/${process.id}/proposals/export.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="proposals-.*\.json"$/);
    const rows = (await response.json()) as { id: string; title: { fr: string }; votes: number; withdrawn: boolean }[];
    expect(rows.map((r) => r.id)).toEqual(located.map((p) => p.id));
    expect(rows[1]).toMatchObject({ title: { fr: 'Des bancs à l’ombre sur la place' }, votes: 0, withdrawn: false });
  });

  it('answers 404 for the export of a process nobody may see', async () => {
    const response = await api('GET', `/api/v1/processes/no-such-process-${stamp()}/proposals/export.csv`);
    expect(response.status).toBe(404);
  });
});
