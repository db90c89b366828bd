// Results of campaigns (regards croisés) and their open data, in one isolated run against real
// Postgres and NATS. Campaigns, assessments and stakeholder responses are seeded as rows (their
// use-cases are written beside this one); organisations, memberships and frameworks go through
// the real messages.
import type {
  Actor,
  CampaignResults,
  Framework,
  OpenDataCampaign,
  OpenDataResults,
  Organization,
  Page,
  SubjectResults,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, registerPerson } from '@convergences/testing';
import { parse } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { EvaluationsDatabase } from '../src/db/schema';
import { startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';
import { refusalsAgainst } from './support/refusals';

jest.setTimeout(30_000);

describe('results', () => {
  let evaluationsRun: EvaluationsRun;
  let evaluations: RunningService;
  let client: ServiceClient;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `results-${++seq}` });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null) =>
    client.request(pattern as never, body as never, as(actor)) as Promise<T>;

  /** Everything results could touch, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'campaigns', (select json_agg(c order by id) from campaigns c),
        'subjects', (select json_agg(s order by id) from campaign_subjects s),
        'assessments', (select json_agg(a order by id) from assessments a),
        'stakeholders', (select count(*) from stakeholder_responses),
        'actions', (select json_agg(p order by id) from progress_actions p),
        'outbox', (select count(*) from outbox)) as state`.execute(evaluations.db);
    return rows[0].state;
  };
  const refused = refusalsAgainst(state);

  let admin: Actor;
  let coordinator: Actor;
  let committee: Actor;
  let alice: Actor; // member of A
  let bruno: Actor; // member of B
  let pierre: Actor; // peer of A
  let paule: Actor; // peer of A and B
  let nadia: Actor; // peer of C only
  let olivier: Actor; // no part in the campaign
  const orgs: Record<'A' | 'B' | 'C' | 'D' | 'E', Organization> = {} as never;
  let v1: Framework;
  let v2: Framework;
  /** Ids by key in a version: G (participation), P (partnerships); lvl, acc, partners, story. */
  const idsOf = (framework: Framework) => {
    const [gov, roots] = framework.dimensions;
    const [g] = gov.criteria;
    const [p] = roots.criteria;
    return {
      dimG: gov.id,
      dimP: roots.id,
      G: g.id,
      P: p.id,
      lvl: g.indicators[0].id,
      acc: g.indicators[1].id,
      partners: p.indicators[0].id,
      story: p.indicators[1].id,
    };
  };

  const previous = randomUUID();
  const current = randomUUID();
  const draft = randomUUID();
  const subjects = {
    A1: randomUUID(),
    B1: randomUUID(),
    A: randomUUID(),
    B: randomUUID(),
    C: randomUUID(),
    D: randomUUID(),
    E: randomUUID(),
  };
  const actionFollowed = randomUUID();

  /** The service's database, with its tables' types (the run knows only the events' tables). */
  const db = () => evaluations.db as unknown as Kysely<EvaluationsDatabase>;

  /** An assessment with its answers (inserted as a draft, then submitted if asked: the triggers freeze it after). */
  async function assess(
    kind: 'self' | 'peer' | 'committee',
    campaignId: string,
    frameworkId: string,
    subjectId: string,
    values: Record<string, number>,
    options: {
      author?: Actor;
      submitted?: boolean;
      narratives?: Record<string, { text: string | null; evidence?: { label: string; url: string }[] }>;
      recommendations?: string;
      at?: string;
    } = {},
  ): Promise<void> {
    const id = randomUUID();
    const criterionOf = new Map(
      (await ask<Framework>('evaluations.framework.get', { id: frameworkId }, admin)).dimensions
        .flatMap((d) => d.criteria)
        .flatMap((c) => c.indicators.map((i) => [i.id, c.id] as const)),
    );
    await db()
      .insertInto('assessments')
      .values({
        id,
        kind,
        framework_id: frameworkId,
        campaign_id: campaignId,
        subject_id: subjectId,
        author_id: kind === 'peer' ? options.author!.personId : null,
        recommendations: options.recommendations ?? null,
        created_by: (options.author ?? admin).personId,
      })
      .execute();
    const answers = Object.entries(values);
    if (answers.length) {
      await db()
        .insertInto('indicator_answers')
        .values(
          answers.map(([indicatorId, value]) => ({
            assessment_id: id,
            indicator_id: indicatorId,
            criterion_id: criterionOf.get(indicatorId)!,
            value,
          })),
        )
        .execute();
    }
    for (const [criterionId, { text, evidence = [] }] of Object.entries(options.narratives ?? {})) {
      await db()
        .insertInto('criterion_answers')
        .values({ assessment_id: id, criterion_id: criterionId, narrative: text, evidence: JSON.stringify(evidence) })
        .execute();
    }
    if (options.submitted !== false) {
      const at = new Date(options.at ?? Date.now());
      await db()
        .updateTable('assessments')
        .set({ status: 'submitted', submitted_at: at, submitted_by: (options.author ?? admin).personId })
        .where('id', '=', id)
        .execute();
    }
  }

  async function stakeholder(subjectId: string, values: Record<string, number>, comment: string | null = null) {
    const id = randomUUID();
    const criterionOf = new Map(
      v2.dimensions.flatMap((d) => d.criteria).flatMap((c) => c.indicators.map((i) => [i.id, c.id] as const)),
    );
    await db()
      .insertInto('stakeholder_responses')
      .values({ id, campaign_id: current, subject_id: subjectId, relation: 'user', comment, source_key: 'k' })
      .execute();
    await db()
      .insertInto('stakeholder_answers')
      .values(
        Object.entries(values).map(([indicatorId, value]) => ({
          response_id: id,
          indicator_id: indicatorId,
          criterion_id: criterionOf.get(indicatorId)!,
          value,
        })),
      )
      .execute();
  }

  const levels = (...values: number[]) =>
    values.map((value) => ({
      value,
      label: { fr: `Niveau ${value}` },
      descriptor: { fr: `Ce que veut dire ${value}` },
    }));

  /** Two dimensions, a criterion each: a level scale and a yes/no; a quantity with a target and a narrative. */
  async function buildFramework(): Promise<Framework> {
    const framework = await ask<Framework>(
      'evaluations.framework.create',
      { title: { fr: 'Grille d’utilité sociale du réseau' } },
      admin,
    );
    const frameworkId = framework.id;
    const gov = await ask<{ id: string }>(
      'evaluations.dimension.create',
      { frameworkId, title: { fr: 'Gouvernance démocratique', en: 'Democratic governance' } },
      admin,
    );
    const g = await ask<{ id: string }>(
      'evaluations.criterion.create',
      {
        frameworkId,
        dimensionId: gov.id,
        title: { fr: 'Participation aux décisions ; "assemblées"', en: 'Taking part in decisions' },
      },
      admin,
    );
    await ask(
      'evaluations.indicator.create',
      {
        frameworkId,
        criterionId: g.id,
        kind: 'level_scale',
        title: { fr: 'Place des membres' },
        levels: levels(1, 2, 3, 4),
      },
      admin,
    );
    await ask(
      'evaluations.indicator.create',
      { frameworkId, criterionId: g.id, kind: 'yes_no', title: { fr: 'Les comptes sont présentés à tous' } },
      admin,
    );
    const roots = await ask<{ id: string }>(
      'evaluations.dimension.create',
      { frameworkId, title: { fr: 'Ancrage territorial' } },
      admin,
    );
    const p = await ask<{ id: string }>(
      'evaluations.criterion.create',
      {
        frameworkId,
        dimensionId: roots.id,
        title: { fr: 'Partenariats locaux', en: '=Local partnerships' },
        evidenceAllowed: true,
      },
      admin,
    );
    await ask(
      'evaluations.indicator.create',
      {
        frameworkId,
        criterionId: p.id,
        kind: 'quantitative',
        title: { fr: 'Partenaires locaux actifs' },
        unit: { fr: 'partenaires' },
        target: 10,
      },
      admin,
    );
    await ask(
      'evaluations.indicator.create',
      { frameworkId, criterionId: p.id, kind: 'narrative', title: { fr: 'Ce qui a changé autour de nous' } },
      admin,
    );
    return ask<Framework>('evaluations.framework.adopt', { id: frameworkId }, admin);
  }

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('results');
    ({ evaluations, client } = evaluationsRun);
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    coordinator = await signIn('coralie', 'Coralie Fontanel');
    committee = await signIn('camille', 'Camille Roussel');
    alice = await signIn('alice', 'Alice Vernadet');
    bruno = await signIn('bruno', 'Bruno Casteran');
    pierre = await signIn('pierre', 'Pierre Lavergne');
    paule = await signIn('paule', 'Paule Ginestet');
    nadia = await signIn('nadia', 'Nadia Serres');
    olivier = await signIn('olivier', 'Olivier Manoury');
    const cyril = await signIn('cyril', 'Cyril Aubrac');
    const denise = await signIn('denise', 'Denise Lorrain');
    const eloi = await signIn('eloi', 'Éloi Brassac');

    // Whoever creates an organisation is its first admin, hence a member evaluations knows of.
    const create = (name: string, kind: string, by: Actor) =>
      ask<Organization>('members.organization.create', { name, kind }, by);
    orgs.A = await create('Ressourcerie des Coteaux', 'association', alice);
    orgs.B = await create('Amap du Plateau', 'amap', bruno);
    orgs.C = await create('Garage solidaire du Val', 'cooperative', cyril);
    orgs.D = await create('Épicerie sociale La Halle', 'association', denise);
    orgs.E = await create('Tiers-lieu La Fabrique', 'tiers_lieu', eloi);
    await eventually(async () => {
      const members = await db().selectFrom('organization_members').select('person_id').execute();
      expect(members).toHaveLength(5);
    });

    v1 = await buildFramework();
    const started = await ask<Framework>('evaluations.framework.startVersion', { id: v1.id }, admin);
    v2 = await ask<Framework>('evaluations.framework.adopt', { id: started.id }, admin);
    const one = idsOf(v1);
    const two = idsOf(v2);

    await db()
      .insertInto('authors')
      .values([pierre, paule, nadia].map((p) => ({ person_id: p.personId, display_name: p.displayName })))
      .execute();
    const campaign = (id: string, framework: Framework, status: 'draft' | 'review' | 'closed', createdAt: string) => ({
      id,
      framework_id: framework.id,
      lineage_id: framework.lineageId,
      title: JSON.stringify({ fr: `Campagne ${createdAt.slice(0, 4)}` }),
      description: null,
      status,
      starts_on: `${createdAt.slice(0, 4)}-01-15`,
      ends_on: `${createdAt.slice(0, 4)}-11-30`,
      created_by: admin.personId,
      created_at: new Date(createdAt),
      closed_at: status === 'closed' ? new Date(`${createdAt.slice(0, 4)}-12-01T10:00:00Z`) : null,
    });
    await db()
      .insertInto('campaigns')
      .values([
        campaign(previous, v1, 'closed', '2025-01-10T09:00:00Z'),
        { ...campaign(current, v2, 'review', '2026-01-10T09:00:00Z'), previous_campaign_id: previous },
        campaign(draft, v2, 'draft', '2026-02-01T09:00:00Z'),
      ])
      .execute();
    await db()
      .insertInto('campaign_people')
      .values([
        { campaign_id: current, person_id: coordinator.personId, role: 'coordinator', added_by: admin.personId },
        { campaign_id: current, person_id: committee.personId, role: 'committee', added_by: admin.personId },
        { campaign_id: draft, person_id: coordinator.personId, role: 'coordinator', added_by: admin.personId },
      ])
      .execute();
    const subject = (id: string, campaignId: string, org: Organization, shown = false) => ({
      id,
      campaign_id: campaignId,
      organization_id: org.id,
      name: org.name,
      shown_in_results: shown,
      added_by: admin.personId,
    });
    await db()
      .insertInto('campaign_subjects')
      .values([
        subject(subjects.A1, previous, orgs.A),
        subject(subjects.B1, previous, orgs.B),
        subject(subjects.A, current, orgs.A),
        subject(subjects.B, current, orgs.B, true),
        subject(subjects.C, current, orgs.C),
        subject(subjects.D, current, orgs.D),
        subject(subjects.E, current, orgs.E),
      ])
      .execute();
    await db()
      .insertInto('peer_assignments')
      .values([
        { subject_id: subjects.A1, person_id: pierre.personId, assigned_by: admin.personId },
        { subject_id: subjects.A, person_id: pierre.personId, assigned_by: admin.personId },
        { subject_id: subjects.A, person_id: paule.personId, assigned_by: admin.personId },
        { subject_id: subjects.B, person_id: paule.personId, assigned_by: admin.personId },
        { subject_id: subjects.C, person_id: nadia.personId, assigned_by: admin.personId },
      ])
      .execute();

    // The previous campaign (version 1): A1 self 16.7 / 50, peer 0 / 30; B1 self 83.3 / 100.
    await assess('self', previous, v1.id, subjects.A1, { [one.lvl]: 2, [one.acc]: 0, [one.partners]: 5 });
    await assess(
      'peer',
      previous,
      v1.id,
      subjects.A1,
      { [one.lvl]: 1, [one.acc]: 0, [one.partners]: 3 },
      { author: pierre },
    );
    await assess('self', previous, v1.id, subjects.B1, { [one.lvl]: 3, [one.acc]: 1, [one.partners]: 10 });

    // This campaign (version 2).
    await assess(
      'self',
      current,
      v2.id,
      subjects.A,
      { [two.lvl]: 4, [two.acc]: 1, [two.partners]: 5 },
      {
        narratives: {
          [two.G]: {
            text: 'Nous décidons en assemblée.',
            evidence: [{ label: 'Compte rendu', url: 'https://exemple.org/ag.pdf' }],
          },
        },
        at: '2026-03-01T10:00:00Z',
      },
    );
    await assess(
      'peer',
      current,
      v2.id,
      subjects.A,
      { [two.lvl]: 2, [two.acc]: 0, [two.partners]: 10 },
      {
        author: pierre,
        narratives: { [two.G]: { text: 'Le bureau décide seul le plus souvent.' } },
        at: '2026-03-02T10:00:00Z',
      },
    );
    await assess(
      'peer',
      current,
      v2.id,
      subjects.A,
      { [two.lvl]: 3, [two.acc]: 1, [two.partners]: 8 },
      { author: paule, narratives: { [two.G]: { text: null } }, at: '2026-03-03T10:00:00Z' },
    );
    // A draft counts for nothing: neither its figures nor its story.
    await assess(
      'peer',
      current,
      v2.id,
      subjects.A,
      { [two.lvl]: 1, [two.acc]: 0, [two.partners]: 0 },
      { author: nadia, submitted: false, narratives: { [two.G]: { text: 'Brouillon à reprendre.' } } },
    );
    await assess(
      'committee',
      current,
      v2.id,
      subjects.A,
      { [two.lvl]: 3, [two.acc]: 1, [two.partners]: 10 },
      {
        narratives: { [two.G]: { text: 'Des progrès visibles depuis la dernière campagne.' } },
        recommendations: 'Ouvrir le bureau aux usagers.',
        at: '2026-03-04T10:00:00Z',
      },
    );
    await assess('self', current, v2.id, subjects.B, { [two.lvl]: 2, [two.acc]: 1, [two.partners]: 2 });
    await assess(
      'peer',
      current,
      v2.id,
      subjects.B,
      { [two.lvl]: 2, [two.acc]: 1, [two.partners]: 4 },
      { author: paule },
    );
    await assess('self', current, v2.id, subjects.C, { [two.lvl]: 1, [two.acc]: 0, [two.partners]: 0 });
    await assess('self', current, v2.id, subjects.D, { [two.lvl]: 3, [two.acc]: 0, [two.partners]: 12 });
    await assess(
      'self',
      current,
      v2.id,
      subjects.E,
      { [two.lvl]: 4, [two.acc]: 1, [two.partners]: 10 },
      { submitted: false },
    );

    await stakeholder(subjects.A, { [two.lvl]: 4, [two.acc]: 1 }, 'Un lieu où l’on est écouté.');
    await stakeholder(subjects.A, { [two.lvl]: 2, [two.acc]: 1 });
    await stakeholder(subjects.A, { [two.lvl]: 1 }, '');

    const action = (id: string, campaignId: string, org: Organization, title: string, status: string) => ({
      id,
      organization_id: org.id,
      lineage_id: v1.lineageId,
      campaign_id: campaignId,
      criterion_stable_id: v1.dimensions[0].criteria[0].stableId,
      title,
      owner: 'Le bureau',
      due_on: '2026-06-30',
      status: status as 'planned',
      created_by: admin.personId,
    });
    await db()
      .insertInto('progress_actions')
      .values([
        action(actionFollowed, previous, orgs.A, 'Ouvrir le bureau aux usagers', 'in_progress'),
        action(randomUUID(), current, orgs.A, 'Former les administrateurs', 'planned'),
        action(randomUUID(), previous, orgs.B, 'Publier les comptes', 'done'),
      ])
      .execute();
  });

  afterAll(() => evaluationsRun?.stop());

  const subjectOf = (subjectId: string, actor: Actor | null, campaignId = current) =>
    ask<SubjectResults>('evaluations.results.subject', { campaignId, subjectId }, actor);
  const campaignOf = (campaignId: string, actor: Actor | null) =>
    ask<CampaignResults>('evaluations.results.campaign', { campaignId }, actor);

  describe('one subject', () => {
    it('puts self, peers, stakeholders and committee side by side, drafts left out', async () => {
      const two = idsOf(v2);
      const results = await subjectOf(subjects.A, alice);
      expect(results).toMatchObject({
        campaignId: current,
        subjectId: subjects.A,
        organizationId: orgs.A.id,
        name: 'Ressourcerie des Coteaux',
        counts: { self: 1, peer: 2, stakeholder: 3, committee: 1 },
        recommendations: 'Ouvrir le bureau aux usagers.',
        stakeholderComments: ['Un lieu où l’on est écouté.'],
      });
      const [g, p] = results.criteria;
      // Self: level 4 (100) and yes (100); peers: 16.7 and 83.3 → 50; stakeholders: 100, 66.7, 0 → 66.7.
      expect(g).toMatchObject({
        criterionId: two.G,
        stableId: v1.dimensions[0].criteria[0].stableId,
        dimensionId: two.dimG,
        scores: { self: 100, peer: 50, stakeholder: 66.7, committee: 83.3 },
        divergence: 'self_above',
      });
      expect(g.indicators).toEqual([
        expect.objectContaining({
          indicatorId: two.lvl,
          kind: 'level_scale',
          self: { value: 4, score: 100 },
          peer: { count: 2, median: 2.5, score: 50 },
          stakeholder: { count: 3, median: 2, score: 33.3 },
          committee: { value: 3, score: 66.7 },
        }),
        expect.objectContaining({
          indicatorId: two.acc,
          self: { value: 1, score: 100 },
          peer: { count: 2, median: 0.5, score: 50 },
          stakeholder: { count: 2, median: 1, score: 100 },
          committee: { value: 1, score: 100 },
        }),
      ]);
      // Self: 5 of 10 partners (50); peers: 10 and 8 → 100 and 80 → 90: far below its peers.
      expect(p).toMatchObject({
        criterionId: two.P,
        scores: { self: 50, peer: 90, stakeholder: null, committee: 100 },
        divergence: 'self_below',
      });
      expect(p.indicators.map((i) => [i.kind, i.self.score])).toEqual([
        ['quantitative', 50],
        ['narrative', null],
      ]);
      expect(results.dimensions).toEqual([
        expect.objectContaining({
          dimensionId: two.dimG,
          scores: { self: 100, peer: 50, stakeholder: 66.7, committee: 83.3 },
        }),
        expect.objectContaining({
          dimensionId: two.dimP,
          scores: { self: 50, peer: 90, stakeholder: null, committee: 100 },
        }),
      ]);
    });

    it('tells no divergence where self and peers are within the threshold', async () => {
      const results = await subjectOf(subjects.B, bruno);
      expect(results.criteria.map((c) => [c.scores.self, c.scores.peer, c.divergence])).toEqual([
        [66.7, 66.7, null],
        [20, 40, null],
      ]);
    });

    it('gives the stories told, self first, each peer by name, then the committee; never a draft’s', async () => {
      const [g, p] = (await subjectOf(subjects.A, pierre)).criteria;
      expect(g.narratives).toEqual([
        {
          perspective: 'self',
          authorName: null,
          text: 'Nous décidons en assemblée.',
          evidence: [{ label: 'Compte rendu', url: 'https://exemple.org/ag.pdf' }],
        },
        {
          perspective: 'peer',
          authorName: 'Pierre Lavergne',
          text: 'Le bureau décide seul le plus souvent.',
          evidence: [],
        },
        {
          perspective: 'committee',
          authorName: null,
          text: 'Des progrès visibles depuis la dernière campagne.',
          evidence: [],
        },
      ]);
      expect(p.narratives).toEqual([]);
    });

    it('shows where the subject stood in the previous campaign, by criterion across versions', async () => {
      const results = await subjectOf(subjects.A, committee);
      const [g, p] = v1.dimensions.map((d) => d.criteria[0].stableId);
      expect(results.previous).toEqual({
        campaignId: previous,
        scores: [
          { stableId: g, self: 16.7, peer: 0 },
          { stableId: p, self: 50, peer: 30 },
        ],
      });
      expect((await subjectOf(subjects.C, coordinator)).previous).toBeNull();
    });

    it('follows the actions planned in earlier campaigns, with their status now', async () => {
      const results = await subjectOf(subjects.A, coordinator);
      expect(results.actions).toEqual([
        {
          id: actionFollowed,
          criterionStableId: v1.dimensions[0].criteria[0].stableId,
          title: 'Ouvrir le bureau aux usagers',
          owner: 'Le bureau',
          dueOn: '2026-06-30',
          status: 'in_progress',
          campaignId: previous,
        },
      ]);
      await db().updateTable('progress_actions').set({ status: 'done' }).where('id', '=', actionFollowed).execute();
      expect((await subjectOf(subjects.A, alice)).actions.map((a) => a.status)).toEqual(['done']);
    });

    it('is read by its members, assigned peers, the committee, coordinators and admins; 404 for anyone else', async () => {
      for (const reader of [alice, pierre, paule, committee, coordinator, admin]) {
        expect((await subjectOf(subjects.A, reader)).subjectId).toBe(subjects.A);
      }
      for (const reader of [nadia, bruno, olivier, null]) {
        expect(await refused(() => subjectOf(subjects.A, reader))).toMatchObject({ code: 'not_found' });
      }
      // A subject asked for under another campaign does not exist there.
      expect(await refused(() => subjectOf(subjects.A, alice, draft))).toMatchObject({ code: 'not_found' });
      expect(await refused(() => subjectOf(randomUUID(), coordinator))).toMatchObject({ code: 'not_found' });
    });

    it('refuses a malformed request with the field in error', async () => {
      const error = await refused(() =>
        ask('evaluations.results.subject', { campaignId: 'nope', subjectId: subjects.A }, alice),
      );
      expect(error.code).toBe('validation_failed');
      expect(error.errors?.map((e) => e.path)).toEqual(['campaignId']);
    });
  });

  describe('a campaign', () => {
    const named = (results: CampaignResults) => results.subjects.map((s) => [s.subjectId, s.label]);

    it('gives per criterion and perspective the count, median and distribution across subjects', async () => {
      const two = idsOf(v2);
      const results = await campaignOf(current, coordinator);
      expect(results.subjectsCount).toBe(5);
      expect(results.previousCampaignId).toBe(previous);
      const [g, p] = results.criteria;
      // Self: A 100, B 66.7, C 0, D 33.3 (E's is a draft); peers: A 50, B 66.7; stakeholders: A 66.7.
      expect(g).toMatchObject({
        criterionId: two.G,
        self: { count: 4, median: 50, distribution: [1, 1, 0, 1, 1] },
        peer: { count: 2, median: 58.3, distribution: [0, 0, 1, 1, 0] },
        stakeholder: { count: 1, median: 66.7, distribution: [0, 0, 0, 1, 0] },
        // The previous campaign's peers' median: A1's 0.
        previousMedian: 0,
      });
      // Self: A 50, B 20, C 0, D 100; peers: A 90, B 40.
      expect(p).toMatchObject({
        criterionId: two.P,
        self: { count: 4, median: 35, distribution: [1, 1, 1, 0, 1] },
        peer: { count: 2, median: 65, distribution: [0, 0, 1, 0, 1] },
        stakeholder: { count: 0, median: null, distribution: [0, 0, 0, 0, 0] },
        previousMedian: 30,
      });
    });

    it('names every subject to coordinators, the committee and admins, with peers’ scores else self', async () => {
      const two = idsOf(v2);
      for (const reader of [coordinator, committee, admin]) {
        const results = await campaignOf(current, reader);
        expect(results.subjects).toEqual([
          { subjectId: subjects.B, label: 'Amap du Plateau', scores: { [two.G]: 66.7, [two.P]: 40 } },
          { subjectId: subjects.D, label: 'Épicerie sociale La Halle', scores: { [two.G]: 33.3, [two.P]: 100 } },
          { subjectId: subjects.C, label: 'Garage solidaire du Val', scores: { [two.G]: 0, [two.P]: 0 } },
          { subjectId: subjects.A, label: 'Ressourcerie des Coteaux', scores: { [two.G]: 50, [two.P]: 90 } },
          { subjectId: subjects.E, label: 'Tiers-lieu La Fabrique', scores: { [two.G]: null, [two.P]: null } },
        ]);
      }
    });

    it('shows a subject’s members their own and consenting subjects by name, the others as Structure n', async () => {
      const two = idsOf(v2);
      const results = await campaignOf(current, alice);
      expect(results.subjects).toEqual([
        { subjectId: subjects.B, label: 'Amap du Plateau', scores: { [two.G]: 66.7, [two.P]: 40 } },
        { subjectId: subjects.A, label: 'Ressourcerie des Coteaux', scores: { [two.G]: 50, [two.P]: 90 } },
        { subjectId: null, label: 'Structure 1', scores: { [two.G]: 33.3, [two.P]: 100 } },
        { subjectId: null, label: 'Structure 2', scores: { [two.G]: 0, [two.P]: 0 } },
        { subjectId: null, label: 'Structure 3', scores: { [two.G]: null, [two.P]: null } },
      ]);
      expect(JSON.stringify(results)).not.toMatch(/Garage|Épicerie|Tiers-lieu/);
      expect(named(await campaignOf(current, bruno))).toEqual([
        [subjects.B, 'Amap du Plateau'],
        [null, 'Structure 1'],
        [null, 'Structure 2'],
        [null, 'Structure 3'],
        [null, 'Structure 4'],
      ]);
    });

    it('shows an assigned peer the subjects they visit by name', async () => {
      expect(named(await campaignOf(current, nadia)).filter(([id]) => id)).toEqual([
        [subjects.B, 'Amap du Plateau'],
        [subjects.C, 'Garage solidaire du Val'],
      ]);
      expect(named(await campaignOf(current, pierre)).filter(([id]) => id)).toEqual([
        [subjects.B, 'Amap du Plateau'],
        [subjects.A, 'Ressourcerie des Coteaux'],
      ]);
    });

    it('is refused to those with no part until closed; a draft is seen by its coordinators only', async () => {
      expect(await refused(() => campaignOf(current, olivier))).toMatchObject({ code: 'forbidden' });
      expect(await refused(() => campaignOf(current, null))).toMatchObject({ code: 'unauthenticated' });
      expect(await refused(() => campaignOf(draft, alice))).toMatchObject({ code: 'not_found' });
      expect(await refused(() => campaignOf(draft, null))).toMatchObject({ code: 'not_found' });
      expect(await campaignOf(draft, coordinator)).toMatchObject({ campaignId: draft, subjectsCount: 0 });
      expect(await refused(() => campaignOf(randomUUID(), admin))).toMatchObject({ code: 'not_found' });
    });
  });

  describe('open data', () => {
    const openData = (campaignId: string) => ask<OpenDataResults>('evaluations.openData.results', { campaignId }, null);
    const csvOf = (campaignId: string) =>
      ask<{ fileName: string; csv: string }>('evaluations.openData.resultsCsv', { campaignId }, null);

    it('is refused for a campaign not closed, as if it did not exist', async () => {
      for (const id of [current, draft, randomUUID()]) {
        expect(await refused(() => openData(id))).toMatchObject({ code: 'not_found' });
        expect(await refused(() => csvOf(id))).toMatchObject({ code: 'not_found' });
      }
    });

    describe('once the campaign is closed', () => {
      beforeAll(async () => {
        await db()
          .updateTable('campaigns')
          .set({ status: 'closed', closed_at: new Date('2026-12-01T10:00:00Z') })
          .where('id', '=', current)
          .execute();
      });

      it('lists closed campaigns, the last closed first', async () => {
        const page = await ask<Page<OpenDataCampaign>>('evaluations.openData.campaigns', {}, null);
        expect(page.meta).toEqual({ total: 2, page: 1, perPage: 25 });
        expect(page.data).toEqual([
          {
            id: current,
            title: { fr: 'Campagne 2026' },
            description: null,
            framework: { id: v2.id, lineageId: v1.lineageId, version: 2, title: v2.title },
            startsOn: '2026-01-15',
            endsOn: '2026-11-30',
            closedAt: '2026-12-01T10:00:00.000Z',
            subjectsCount: 5,
          },
          expect.objectContaining({
            id: previous,
            framework: expect.objectContaining({ version: 1 }),
            subjectsCount: 2,
          }),
        ]);
      });

      it('lets anyone read the campaign’s results, anonymised but for consenting subjects', async () => {
        for (const reader of [olivier, null]) {
          expect((await campaignOf(current, reader)).subjects.map((s) => [s.subjectId, s.label])).toEqual([
            [subjects.B, 'Amap du Plateau'],
            [null, 'Structure 1'],
            [null, 'Structure 2'],
            [null, 'Structure 3'],
            [null, 'Structure 4'],
          ]);
        }
      });

      it('aggregates per criterion and perspective, suppressing cells too few subjects contribute to', async () => {
        const two = idsOf(v2);
        const results = await openData(current);
        expect(results.minSubjects).toBe(3);
        const [g, p] = results.criteria;
        expect(g).toMatchObject({
          dimensionId: two.dimG,
          dimensionStableId: v1.dimensions[0].stableId,
          dimensionTitle: { fr: 'Gouvernance démocratique', en: 'Democratic governance' },
          criterionId: two.G,
          stableId: v1.dimensions[0].criteria[0].stableId,
          // Four subjects, three of them unnamed: told. Peers (2) and stakeholders (1): not.
          self: { count: 4, median: 50, distribution: [1, 1, 0, 1, 1], suppressed: false },
          peer: { count: 2, median: null, distribution: null, suppressed: true },
          stakeholder: { count: 1, median: null, distribution: null, suppressed: true },
        });
        expect(g.indicators).toEqual([
          expect.objectContaining({
            indicatorId: two.lvl,
            kind: 'level_scale',
            self: { count: 4, median: 2.5, suppressed: false },
            peer: { count: 2, median: null, suppressed: true },
            stakeholder: { count: 1, median: null, suppressed: true },
          }),
          expect.objectContaining({ indicatorId: two.acc, self: { count: 4, median: 0.5, suppressed: false } }),
        ]);
        expect(p.self).toEqual({ count: 4, median: 35, distribution: [1, 1, 1, 0, 1], suppressed: false });
        // The narrative indicator has no figure to give.
        expect(p.indicators.map((i) => [i.kind, i.unit, i.self])).toEqual([
          ['quantitative', { fr: 'partenaires' }, { count: 4, median: 3.5, suppressed: false }],
        ]);
        expect(results.subjects).toEqual([
          {
            organizationId: orgs.B.id,
            name: 'Amap du Plateau',
            scores: [
              { criterionStableId: g.stableId, self: 66.7, peer: 66.7, stakeholder: null },
              { criterionStableId: p.stableId, self: 20, peer: 40, stakeholder: null },
            ],
          },
        ]);
        const text = JSON.stringify(results);
        for (const hidden of ['Ressourcerie', 'Garage', 'Épicerie', 'Tiers-lieu', subjects.A, orgs.A.id]) {
          expect(text).not.toContain(hidden);
        }
      });

      it('suppresses every cell of a campaign with fewer than 3 subjects', async () => {
        const results = await openData(previous);
        for (const criterion of results.criteria) {
          expect(criterion.self).toEqual({ count: 2, median: null, distribution: null, suppressed: true });
          expect(criterion.peer).toEqual({ count: 1, median: null, distribution: null, suppressed: true });
        }
        expect(results.subjects).toEqual([]);
      });

      it('writes the same as CSV, one row per criterion and perspective, quoted by COPY', async () => {
        const { fileName, csv } = await csvOf(current);
        expect(fileName).toBe(`campaign-results-${current}.csv`);
        expect(csv).toMatch(/^campaign_id;dimension_stable_id;.*;fifth_80_100\r\n/);
        const rows = parse(csv, { columns: true, delimiter: ';' }) as Record<string, string>[];
        expect(rows.map((r) => [r.criterion_id, r.perspective])).toEqual([
          [idsOf(v2).G, 'self'],
          [idsOf(v2).G, 'peer'],
          [idsOf(v2).G, 'stakeholder'],
          [idsOf(v2).P, 'self'],
          [idsOf(v2).P, 'peer'],
          [idsOf(v2).P, 'stakeholder'],
        ]);
        expect(rows[0]).toEqual({
          campaign_id: current,
          dimension_stable_id: v1.dimensions[0].stableId,
          dimension_title_fr: 'Gouvernance démocratique',
          dimension_title_en: 'Democratic governance',
          criterion_id: idsOf(v2).G,
          criterion_stable_id: v1.dimensions[0].criteria[0].stableId,
          criterion_title_fr: 'Participation aux décisions ; "assemblées"',
          criterion_title_en: 'Taking part in decisions',
          perspective: 'self',
          subjects_count: '4',
          suppressed: 'false',
          median_score: '50',
          fifth_0_20: '1',
          fifth_20_40: '1',
          fifth_40_60: '0',
          fifth_60_80: '1',
          fifth_80_100: '1',
        });
        expect(rows[1]).toMatchObject({ subjects_count: '2', suppressed: 'true', median_score: '', fifth_0_20: '' });
        // A text a spreadsheet would run as a formula is neutralised; no English title is an empty cell.
        expect(rows[3]).toMatchObject({
          criterion_title_en: "'=Local partnerships",
          dimension_title_en: '',
          median_score: '35',
        });
        expect(csv).toContain('"Participation aux décisions ; ""assemblées"""');
      });
    });
  });
});
