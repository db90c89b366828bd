/**
 * Participatory evaluation end to end, through the gateway with real tokens: a grid framed and
 * adopted; a campaign on it with two organisations; their self-assessments, a peer's visit, a
 * stakeholder's voice and the commission mixte's opinion; the results side by side; a progress
 * plan; then the next campaign on the grid's next version, showing the progress since and what
 * became of the plan. Then who reads what, as a matrix, and the open data of the demo.
 */
import type {
  Assessment,
  Campaign,
  CampaignResults,
  Criterion,
  Framework,
  Indicator,
  MePerson,
  OpenDataCampaign,
  OpenDataResults,
  Organization,
  Subject,
  SubjectResults,
} from '@convergences/contracts';
import { api, type Problem, uniqueStamp } from '../support/api';
import { adoptedGrid, call, criterionOf, eventually, level } from '../support/evaluations';

const stamp = uniqueStamp();

describe('participatory evaluation, through the gateway', () => {
  const people: Record<string, MePerson> = {};
  let framework: Framework;
  let scale: Indicator;
  let accounts: Indicator;
  let partners: Indicator;
  let governance: Criterion;
  let territory: Criterion;
  let recyclerie: Organization;
  let garage: Organization;
  let campaign: Campaign;
  let subjectA: Subject;
  let subjectB: Subject;
  /** The next campaign, open, coordinated by its creator `admin`, with the recyclerie as subject. */
  let second: Campaign;
  let secondSubject: Subject;

  /** Answers for the grid: a level, yes/no, a number of partners, a récit for each criterion. */
  const answers = (level: number, open: boolean, count: number, story: string) => [
    {
      criterionId: governance.id,
      narrative: story,
      values: [
        { indicatorId: scale.id, value: level },
        { indicatorId: accounts.id, value: open },
      ],
    },
    {
      criterionId: territory.id,
      narrative: `${story} (territoire)`,
      evidence: [{ label: 'Convention avec la mairie', url: 'https://example.org/convention.pdf' }],
      values: [{ indicatorId: partners.id, value: count }],
    },
  ];

  beforeAll(async () => {
    for (const name of ['admin', 'moderator', 'valuator', 'alice', 'bob']) {
      people[name] = await call<MePerson>(name, 'GET', '/api/v1/me');
    }
    // The grid: two dimensions, a level scale and a yes/no on governance, a target on partners.
    const descriptor = (value: number, label: string) => level(value, label, `Niveau ${label.toLowerCase()}`);
    framework = await adoptedGrid({
      title: `Grille des recycleries ${stamp}`,
      dimensions: [
        {
          title: 'Gouvernance démocratique',
          criteria: [
            {
              title: 'Participation aux décisions',
              narrativeRequired: true,
              indicators: [
                {
                  kind: 'level_scale',
                  title: { fr: 'Place des membres' },
                  levels: [
                    descriptor(1, 'Informés'),
                    descriptor(2, 'Consultés'),
                    descriptor(3, 'Associés'),
                    descriptor(4, 'Décideurs'),
                  ],
                },
                { kind: 'yes_no', title: { fr: 'Comptes présentés à tous' } },
              ],
            },
          ],
        },
        {
          title: 'Ancrage territorial',
          criteria: [
            {
              title: 'Partenariats locaux',
              evidenceAllowed: true,
              indicators: [{ kind: 'quantitative', title: { fr: 'Partenaires actifs' }, target: 10 }],
            },
          ],
        },
      ],
    });
    governance = criterionOf(framework, 'Participation aux décisions');
    territory = criterionOf(framework, 'Partenariats locaux');
    [scale, accounts] = governance.indicators;
    [partners] = territory.indicators;

    // Two organisations: alice's recyclerie and bob's garage.
    recyclerie = await call<Organization>(
      'alice',
      'POST',
      '/api/v1/organizations',
      { name: `Recyclerie du Ségala ${stamp}`, kind: 'association' },
      201,
    );
    garage = await call<Organization>(
      'bob',
      'POST',
      '/api/v1/organizations',
      { name: `Garage solidaire du Lévézou ${stamp}`, kind: 'association' },
      201,
    );
  });

  it('runs a campaign: self, peer, stakeholder, committee → results → progress plan → next campaign', async () => {
    campaign = await call<Campaign>(
      'admin',
      'POST',
      '/api/v1/campaigns',
      {
        frameworkId: framework.id,
        title: { fr: `Campagne des recycleries ${stamp}` },
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
      201,
    );
    const base = `/api/v1/campaigns/${campaign.id}`;
    await call('admin', 'POST', `${base}/people`, { personId: people.moderator.id, role: 'coordinator' }, 201);
    await call('admin', 'POST', `${base}/people`, { personId: people.valuator.id, role: 'committee' }, 201);
    // Evaluations learns of the organisations from members' events.
    subjectA = await eventually(() =>
      call<Subject>('moderator', 'POST', `${base}/subjects`, { organizationId: recyclerie.id }, 201),
    );
    subjectB = await eventually(() =>
      call<Subject>('moderator', 'POST', `${base}/subjects`, { organizationId: garage.id }, 201),
    );
    // No one visits their own organisation.
    const own = await api<Problem>('POST', `${base}/subjects/${subjectA.id}/peers`, {
      as: 'moderator',
      body: { personId: people.alice.id },
    });
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('own_organization');
    await call('moderator', 'POST', `${base}/subjects/${subjectA.id}/peers`, { personId: people.bob.id }, 201);
    await call('moderator', 'PATCH', base, { stakeholderCriteria: [governance.id] });
    await call('moderator', 'POST', `${base}/transitions`, { to: 'open' });

    // Alice's self-assessment: bad input first, each refused with a clear problem.
    const self = await call<Assessment>(
      'alice',
      'POST',
      `${base}/assessments`,
      { subjectId: subjectA.id, kind: 'self' },
      201,
    );
    const outside = await api<Problem>('PUT', `/api/v1/assessments/${self.id}/answers`, {
      as: 'alice',
      body: { answers: [{ criterionId: governance.id, values: [{ indicatorId: scale.id, value: 7 }] }] },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors?.map((e) => e.path)).toEqual(['answers.0.values.0.value']);
    const foreign = await api<Problem>('PUT', `/api/v1/assessments/${self.id}/answers`, {
      as: 'alice',
      body: { answers: [{ criterionId: people.alice.id, narrative: 'Hors grille' }] },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0].path).toBe('answers.0.criterionId');
    const untouched = await call<Assessment>('alice', 'GET', `/api/v1/assessments/${self.id}`);
    expect(untouched.answers).toEqual([]);
    const early = await api<Problem>('POST', `/api/v1/assessments/${self.id}/submit`, { as: 'alice' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('assessment_incomplete');
    await call('alice', 'PUT', `/api/v1/assessments/${self.id}/answers`, {
      answers: answers(4, true, 10, 'Les usagers siègent au conseil d’administration.'),
    });
    expect((await call<Assessment>('alice', 'POST', `/api/v1/assessments/${self.id}/submit`)).status).toBe('submitted');
    const frozen = await api<Problem>('PUT', `/api/v1/assessments/${self.id}/answers`, {
      as: 'alice',
      body: { answers: answers(1, false, 0, 'Changement après coup') },
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('assessment_submitted');

    // Bob's peer visit sees it lower: a divergence.
    const peer = await call<Assessment>(
      'bob',
      'POST',
      `${base}/assessments`,
      { subjectId: subjectA.id, kind: 'peer' },
      201,
    );
    await call('bob', 'PUT', `/api/v1/assessments/${peer.id}/answers`, {
      answers: answers(2, true, 5, 'Le conseil est ouvert, mais les bénévoles y ont peu de place.'),
    });
    await call('bob', 'POST', `/api/v1/assessments/${peer.id}/submit`);

    // A stakeholder answers anonymously; a level outside the scale is refused.
    const questionnaire = await call<{ questions?: unknown[] }>(
      undefined,
      'GET',
      `${base}/stakeholder-questionnaire?subjectId=${subjectA.id}`,
    );
    expect(JSON.stringify(questionnaire)).toContain(scale.id);
    const badVoice = await api<Problem>('POST', `${base}/stakeholder-questionnaire/responses`, {
      body: { subjectId: subjectA.id, relation: 'user', answers: [{ indicatorId: scale.id, value: 9 }] },
    });
    expect(badVoice.status).toBe(400);
    await call(
      undefined,
      'POST',
      `${base}/stakeholder-questionnaire/responses`,
      {
        subjectId: subjectA.id,
        relation: 'user',
        answers: [
          { indicatorId: scale.id, value: 3 },
          { indicatorId: accounts.id, value: true },
        ],
        comment: 'On nous demande notre avis avant chaque changement.',
      },
      201,
    );

    // Review: the commission mixte gives its opinion.
    await call('moderator', 'POST', `${base}/transitions`, { to: 'review' });
    const opinion = await call<Assessment>(
      'valuator',
      'POST',
      `${base}/assessments`,
      { subjectId: subjectA.id, kind: 'committee' },
      201,
    );
    await call('valuator', 'PUT', `/api/v1/assessments/${opinion.id}/answers`, {
      answers: answers(3, true, 8, 'La commission a rencontré les usagers et le bureau.'),
      recommendations: 'Ouvrir le bureau aux bénévoles ; suivre les partenariats chaque trimestre.',
    });
    await call('valuator', 'POST', `/api/v1/assessments/${opinion.id}/submit`);

    // The results, side by side, as a coordinator reads them.
    const results = await call<SubjectResults>('moderator', 'GET', `${base}/subjects/${subjectA.id}/results`);
    expect(results.counts).toEqual({ self: 1, peer: 1, stakeholder: 1, committee: 1 });
    const gov = results.criteria.find((c) => c.criterionId === governance.id)!;
    // Self: level 4 of 1–4 → 100, yes → 100; peer: level 2 → 33.3, yes → 100.
    expect(gov.scores.self).toBe(100);
    expect(gov.scores.peer).toBeCloseTo(66.7, 0);
    expect(gov.divergence).toBe('self_above');
    expect(gov.narratives.map((n) => n.perspective).sort()).toEqual(['committee', 'peer', 'self']);
    expect(results.recommendations).toContain('Ouvrir le bureau');
    expect(results.stakeholderComments).toEqual(['On nous demande notre avis avant chaque changement.']);

    // A progress plan, after review.
    const action = await call<{ id: string; status: string }>(
      'alice',
      'POST',
      '/api/v1/progress-plans',
      {
        campaignId: campaign.id,
        subjectId: subjectA.id,
        criterionId: governance.id,
        title: 'Ouvrir le bureau à deux bénévoles',
        owner: 'Le bureau',
        dueOn: '2027-06-30',
      },
      201,
    );
    await call('moderator', 'POST', `${base}/transitions`, { to: 'closed' });

    // The next campaign, on version 2 of the grid: progress since, and what became of the plan.
    const next = await call<Framework>('admin', 'POST', `/api/v1/frameworks/${framework.id}/versions`, undefined, 201);
    const v2 = await call<Framework>('admin', 'POST', `/api/v1/frameworks/${next.id}/adopt`, undefined);
    const v2governance = v2.dimensions.flatMap((d) => d.criteria).find((c) => c.stableId === governance.stableId)!;
    second = await call<Campaign>(
      'admin',
      'POST',
      '/api/v1/campaigns',
      {
        frameworkId: v2.id,
        title: { fr: `Campagne des recycleries, an 2 ${stamp}` },
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
      },
      201,
    );
    expect(second.previousCampaignId).toBe(campaign.id);
    secondSubject = await call<Subject>(
      'admin',
      'POST',
      `/api/v1/campaigns/${second.id}/subjects`,
      { organizationId: recyclerie.id },
      201,
    );
    await call('admin', 'POST', `/api/v1/campaigns/${second.id}/transitions`, { to: 'open' });
    await call('alice', 'PATCH', `/api/v1/progress-plans/${action.id}`, { status: 'done' });
    const secondResults = await call<SubjectResults>(
      'alice',
      'GET',
      `/api/v1/campaigns/${second.id}/subjects/${secondSubject.id}/results`,
    );
    expect(secondResults.previous?.campaignId).toBe(campaign.id);
    expect(secondResults.previous?.scores.find((s) => s.stableId === v2governance.stableId)).toMatchObject({
      self: 100,
    });
    expect(secondResults.actions).toEqual([expect.objectContaining({ id: action.id, status: 'done' })]);
  });

  it('lets each one read only what is theirs to read (a matrix, no leak)', async () => {
    // The next campaign, open: the recyclerie (alice's) visited by bob; the garage (bob's) by
    // moderator, a peer of another subject; valuator on the committee; admin, its coordinator.
    const base = `/api/v1/campaigns/${second.id}`;
    const garageSubject = await call<Subject>('admin', 'POST', `${base}/subjects`, { organizationId: garage.id }, 201);
    await call('admin', 'POST', `${base}/subjects/${secondSubject.id}/peers`, { personId: people.bob.id }, 201);
    await call('admin', 'POST', `${base}/subjects/${garageSubject.id}/peers`, { personId: people.moderator.id }, 201);
    await call('admin', 'POST', `${base}/people`, { personId: people.valuator.id, role: 'committee' }, 201);
    const self = await call<Assessment>(
      'alice',
      'POST',
      `${base}/assessments`,
      {
        subjectId: secondSubject.id,
        kind: 'self',
      },
      201,
    );
    const paths = {
      results: `${base}/subjects/${secondSubject.id}/results`,
      subject: `${base}/subjects/${secondSubject.id}`,
      assessment: `/api/v1/assessments/${self.id}`,
    };
    const cases: [string | undefined, string, boolean][] = [
      ['alice', 'member of the subject', true],
      ['bob', 'peer assigned to it', true],
      ['moderator', 'peer not assigned to it', false],
      ['valuator', 'committee', true],
      ['admin', 'coordinator', true],
      [undefined, 'anonymous', false],
    ];
    for (const [as, who, reads] of cases) {
      // Who may not read learns nothing: not found — or, anonymous, asked to sign in where reading needs it.
      const hidden = as ? [404] : [401, 404];
      for (const [what, path] of Object.entries(paths)) {
        const { status } = await api('GET', path, as ? { as } : {});
        expect([who, what, reads ? status === 200 : hidden.includes(status)]).toEqual([who, what, true]);
      }
      // Lists leave out what one may not read, rather than refuse.
      const listed = await api<{ data: Assessment[] }>('GET', `${base}/assessments`, as ? { as } : {});
      const ids = listed.status === 200 ? listed.body.data.map((a) => a.id) : [];
      expect([who, 'listed', ids.includes(self.id)]).toEqual([who, 'listed', reads]);
    }
    // Only the subject's members write its self-assessment; the others are told no.
    const peerWrites = await api<Problem>('PUT', paths.assessment + '/answers', {
      as: 'bob',
      body: { answers: [{ criterionId: governance.id, narrative: 'Pas la mienne.' }] },
    });
    expect(peerWrites.status).toBe(403);

    // A stakeholder flood from one place: three responses per subject, then a clear 429 that stores nothing.
    const v2 = await call<Framework>('admin', 'GET', `/api/v1/frameworks/${second.frameworkId}`);
    const v2scale = v2.dimensions
      .flatMap((d) => d.criteria)
      .flatMap((c) => c.indicators)
      .find((i) => i.stableId === scale.stableId)!;
    await call('admin', 'PATCH', base, { stakeholderCriteria: [v2scale.criterionId] });
    const voice = {
      subjectId: secondSubject.id,
      relation: 'inhabitant',
      answers: [{ indicatorId: v2scale.id, value: 2 }],
    };
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await api('POST', `${base}/stakeholder-questionnaire/responses`, { body: voice })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const flood = await api<Problem>('POST', `${base}/stakeholder-questionnaire/responses`, { body: voice });
    expect(flood.body.code).toBe('rate_limited');
    expect(Number(flood.headers.get('retry-after'))).toBeGreaterThan(0);
    const counted = await call<SubjectResults>('admin', 'GET', `${base}/subjects/${secondSubject.id}/results`);
    expect(counted.counts.stakeholder).toBe(3);

    // The closed campaign's results are public but anonymised unless the subject agreed.
    const publicResults = await call<CampaignResults>(undefined, 'GET', `/api/v1/campaigns/${campaign.id}/results`);
    expect(publicResults.subjects.map((s) => s.label)).not.toContain(recyclerie.name);
    expect(publicResults.subjects.every((s) => s.subjectId === null)).toBe(true);
    // Stakeholders are never identifiable, nor are the subjects' members.
    expect(JSON.stringify(publicResults)).not.toContain(people.alice.id);
    // In the first campaign too, alice reads nothing of the garage, which she neither belongs to nor visits.
    const garageResults = await api('GET', `/api/v1/campaigns/${campaign.id}/subjects/${subjectB.id}/results`, {
      as: 'alice',
    });
    expect(garageResults.status).toBe(404);
  });

  it('publishes the demo’s closed campaign as open data, in JSON and CSV, identifying no one without consent', async () => {
    const campaigns = await call<{ data: OpenDataCampaign[] }>(
      undefined,
      'GET',
      '/api/v1/open-data/campaigns?perPage=100',
    );
    const demo = campaigns.data.find((c) => c.title.fr === 'Campagne d’évaluation 2025')!;
    expect(demo).toMatchObject({ subjectsCount: 5, framework: { version: 1 } });
    // The 2026 campaign is open: not published.
    expect(campaigns.data.map((c) => c.title.fr)).not.toContain('Campagne d’évaluation 2026');
    const grid = await call<Framework>(undefined, 'GET', `/api/v1/frameworks/${demo.framework.id}`);
    const criteria = grid.dimensions.flatMap((d) => d.criteria);

    const json = await call<OpenDataResults>(undefined, 'GET', `/api/v1/open-data/campaigns/${demo.id}/results.json`);
    expect(json.criteria.map((c) => c.stableId)).toEqual(criteria.map((c) => c.stableId));
    // Three of the five agreed to be named; the two others could be worked out from the named
    // ones' scores, so every scored cell's median and distribution are withheld.
    expect(json.subjects.map((s) => s.name).sort()).toEqual(
      ['AMAP', 'Garage', 'Régie'].map((start) => expect.stringContaining(start)),
    );
    const scored = json.criteria.filter((c) => c.self.count > 0);
    expect(scored.length).toBeGreaterThan(0);
    for (const criterion of scored) {
      expect([criterion.title.fr, criterion.self]).toEqual([
        criterion.title.fr,
        { count: 5, median: null, distribution: null, suppressed: true },
      ]);
    }

    const csv = await api<string>('GET', `/api/v1/open-data/campaigns/${demo.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .split('\r\n')
      .filter((line) => line.length > 0);
    // A header, then one line per criterion and perspective (self, peer, stakeholder).
    expect(lines).toHaveLength(1 + criteria.length * 3);
    expect(lines[0]).toContain('median_score');
  });

  it('documents the evaluations API in OpenAPI', async () => {
    const document = await call<{ paths: Record<string, unknown> }>(undefined, 'GET', '/api/docs/openapi.json');
    for (const path of [
      '/api/v1/campaigns',
      '/api/v1/campaigns/{id}/subjects',
      '/api/v1/campaigns/{id}/assessments',
      '/api/v1/assessments/{id}',
      '/api/v1/campaigns/{id}/results',
      '/api/v1/campaigns/{id}/stakeholder-questionnaire',
      '/api/v1/progress-plans',
      '/api/v1/proposals/{id}/valuations',
    ]) {
      expect([path, path in document.paths]).toEqual([path, true]);
    }
  });
});
