import type {
  Criterion,
  Dimension,
  Framework,
  FrameworkSummary,
  Indicator,
  MePerson,
  Page,
  Process,
  Proposal,
} from '@convergences/contracts';
import { api, type Problem, uniqueStamp } from '../support/api';
import { openProcess } from '../support/processes';

const stamp = uniqueStamp;

describe('frameworks (référentiels), through the gateway', () => {
  let process: Process;
  let alice: MePerson;

  beforeAll(async () => {
    process = await openProcess({
      title: `Co-construire notre grille d’utilité sociale ${stamp()}`,
      description: 'Proposez les critères qui comptent pour vous.',
      phase: { title: 'Critères', rules: { proposals: { creationEnabled: true } } },
    });
    alice = (await api<MePerson>('GET', '/api/v1/me', { as: 'alice' })).body;
  });

  it('frames a grid, adopts it, starts a new version, and keeps a participant’s proposal as a criterion', async () => {
    const created = await api<Framework>('POST', '/api/v1/frameworks', {
      as: 'admin',
      body: { title: { fr: `Grille des tiers-lieux ${stamp()}`, en: 'Third places grid' }, processId: process.id },
    });
    expect(created.status).toBe(201);
    const framework = created.body;
    expect(created.headers.get('location')).toBe(`/api/v1/frameworks/${framework.id}`);
    expect(framework).toMatchObject({ version: 1, status: 'draft', processId: process.id, dimensions: [] });
    const path = `/api/v1/frameworks/${framework.id}`;

    // Only named editors (and admins) write; alice is not one yet.
    const notYet = await api<Problem>('POST', `${path}/dimensions`, {
      as: 'alice',
      body: { title: { fr: 'Coopération' } },
    });
    expect(notYet.status).toBe(403);
    const named = await api('POST', `${path}/editors`, { as: 'admin', body: { personId: alice.id } });
    expect(named.status).toBe(201);
    const editors = await api<{ data: { personId: string }[] }>('GET', `${path}/editors`, { as: 'alice' });
    expect(editors.body.data.map((e) => e.personId)).toEqual([alice.id]);
    expect((await api('GET', path, { as: 'bob' })).status).toBe(404);

    const dimension = (
      await api<Dimension>('POST', `${path}/dimensions`, {
        as: 'alice',
        body: { title: { fr: 'Ancrage territorial' } },
      })
    ).body;
    const second = (
      await api<Dimension>('POST', `${path}/dimensions`, { as: 'alice', body: { title: { fr: 'Coopération' } } })
    ).body;
    const criterion = await api<Criterion>('POST', `${path}/criteria`, {
      as: 'alice',
      body: {
        dimensionId: dimension.id,
        title: { fr: 'Partenariats locaux' },
        narrativeRequired: true,
        evidenceAllowed: true,
      },
    });
    expect(criterion.status).toBe(201);
    const oneLevel = await api<Problem>('POST', `${path}/indicators`, {
      as: 'alice',
      body: {
        criterionId: criterion.body.id,
        kind: 'level_scale',
        title: { fr: 'Degré de coopération' },
        levels: [{ value: 1, label: { fr: 'Isolé' }, descriptor: { fr: 'Aucun partenaire' } }],
      },
    });
    expect(oneLevel.status).toBe(400);
    expect(oneLevel.body.errors?.map((e) => e.path)).toEqual(['levels']);
    const scale = await api<Indicator>('POST', `${path}/indicators`, {
      as: 'alice',
      body: {
        criterionId: criterion.body.id,
        kind: 'level_scale',
        title: { fr: 'Degré de coopération' },
        levels: [1, 2, 3, 4].map((value) => ({
          value,
          label: { fr: `Niveau ${value}` },
          descriptor: { fr: `Palier ${value}` },
        })),
      },
    });
    expect(scale.status).toBe(201);

    // Incomplete: the second dimension has no criterion yet.
    const incomplete = await api<Problem>('POST', `${path}/adopt`, { as: 'alice' });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('framework_incomplete');
    expect(incomplete.body.details?.missing).toEqual([
      { dimensionId: second.id, message: 'Dimension “Coopération” has no criterion.' },
    ]);

    // Co-construction: bob proposes a criterion in the process, alice adopts it.
    const proposal = (
      await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as: 'bob',
        body: { title: 'Compter les outils prêtés entre structures', body: 'Un indicateur simple de mutualisation.' },
      })
    ).body;
    const fromProposal = await api<Criterion>('POST', `${path}/criteria/from-proposal`, {
      as: 'alice',
      body: { proposalId: proposal.id, dimensionId: second.id },
    });
    expect(fromProposal.status).toBe(201);
    expect(fromProposal.body).toMatchObject({
      title: { fr: proposal.title },
      origin: { proposalId: proposal.id, reference: proposal.reference },
    });
    await api('POST', `${path}/indicators`, {
      as: 'alice',
      body: {
        criterionId: fromProposal.body.id,
        kind: 'quantitative',
        title: { fr: 'Outils prêtés' },
        unit: { fr: 'outils' },
      },
    });

    // Drag to reorder: the coopération dimension first.
    const reordered = await api<Framework>('POST', `${path}/dimensions/reorder`, {
      as: 'alice',
      body: { order: [second.id, dimension.id] },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.dimensions.map((d) => d.id)).toEqual([second.id, dimension.id]);
    const notAPermutation = await api<Problem>('POST', `${path}/dimensions/reorder`, {
      as: 'alice',
      body: { order: [second.id] },
    });
    expect(notAPermutation.status).toBe(400);

    const adopted = await api<Framework>('POST', `${path}/adopt`, { as: 'alice' });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', version: 1, adoptedBy: alice.id });
    // Public now, and frozen.
    expect((await api<Framework>('GET', path)).body.status).toBe('adopted');
    const frozen = await api<Problem>('PATCH', `${path}/criteria/${criterion.body.id}`, {
      as: 'alice',
      body: { title: { fr: 'Retouche' } },
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('framework_adopted');

    const next = await api<Framework>('POST', `${path}/versions`, { as: 'alice' });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({
      version: 2,
      status: 'draft',
      basedOnId: framework.id,
      lineageId: framework.lineageId,
    });
    expect(next.body.dimensions[0].criteria[0].origin).toEqual({
      proposalId: proposal.id,
      reference: proposal.reference,
    });
    expect((await api<Problem>('POST', `${path}/versions`, { as: 'alice' })).status).toBe(409);

    const lineage = await api<Page<FrameworkSummary>>('GET', `${path}/versions`, { as: 'alice' });
    expect(lineage.body.data.map((v) => [v.version, v.status])).toEqual([
      [2, 'draft'],
      [1, 'adopted'],
    ]);
    const publicLineage = await api<Page<FrameworkSummary>>('GET', `${path}/versions`);
    expect(publicLineage.body.data.map((v) => v.version)).toEqual([1]);

    const ofTheProcess = await api<Page<FrameworkSummary>>(
      'GET',
      `/api/v1/frameworks?processId=${process.id}&status=adopted`,
    );
    expect(ofTheProcess.body.data.map((f) => f.id)).toEqual([framework.id]);
  });

  it('answers 401 without a token, 403 to participants creating one, 400 for a bad body', async () => {
    expect((await api('POST', '/api/v1/frameworks', { body: { title: { fr: 'Grille' } } })).status).toBe(401);
    expect((await api('POST', '/api/v1/frameworks', { as: 'bob', body: { title: { fr: 'Grille' } } })).status).toBe(
      403,
    );
    const bad = await api<Problem>('POST', '/api/v1/frameworks', { as: 'admin', body: { title: 'Grille' } });
    expect(bad.status).toBe(400);
    expect((await api('GET', '/api/v1/frameworks/not-a-uuid')).status).toBe(400);
  });

  it('shows the demo’s adopted social-utility framework to anyone', async () => {
    const page = await api<Page<FrameworkSummary>>('GET', '/api/v1/frameworks?status=adopted&q=utilite%20sociale');
    expect(page.status).toBe(200);
    const demo = page.body.data.find((f) => f.title.fr === 'Grille d’utilité sociale du réseau');
    expect(demo).toMatchObject({ status: 'adopted', version: 1, dimensionsCount: 5 });
    const tree = (await api<Framework>('GET', `/api/v1/frameworks/${demo!.id}`)).body;
    expect(tree.dimensions.map((d) => d.title.fr)).toEqual([
      'Utilité sociale',
      'Ancrage territorial',
      'Gouvernance démocratique',
      'Coopération',
      'Écologie',
    ]);
  });

  it('documents the frameworks API in OpenAPI', async () => {
    const document = await api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/openapi.json');
    expect(Object.keys(document.body.paths['/api/v1/frameworks']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.body.paths['/api/v1/frameworks/{id}']).sort()).toEqual(['get', 'patch']);
    expect(Object.keys(document.body.paths['/api/v1/frameworks/{id}/versions']).sort()).toEqual(['get', 'post']);
    expect(document.body.paths['/api/v1/frameworks/{frameworkId}/criteria/from-proposal']).toHaveProperty('post');
    expect(document.body.paths['/api/v1/frameworks/{frameworkId}/dimensions/reorder']).toHaveProperty('post');
    expect(Object.keys(document.body.paths['/api/v1/frameworks/{frameworkId}/editors/{personId}'])).toEqual(['delete']);
  });
});
