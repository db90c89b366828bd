// A campaign's assessments (self, peer, committee) in the evaluations service, with members as its
// own process, in one isolated run against real Postgres and NATS. Organisations and memberships
// come through members' events; the framework through evaluations' messages; campaigns, their
// people, subjects and peers are seeded into the database (their use-cases are tested elsewhere).
import type {
  Actor,
  Assessment,
  AssessmentSummary,
  Criterion,
  Framework,
  Indicator,
  Page,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, registerPerson } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { EvaluationsDatabase } from '../src/db/schema';
import { startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';

jest.setTimeout(30_000);

type Refusal = {
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
  details?: Record<string, unknown>;
};
type Status = 'draft' | 'open' | 'review' | 'closed';
type Started = { assessment: Assessment; created: boolean };

describe('assessments', () => {
  let evaluationsRun: EvaluationsRun;
  let evaluations: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let coordinator: Actor;
  let committee: Actor;
  /** Members of the first organisation (the subject assessed in most tests). */
  let member: Actor;
  let otherMember: Actor;
  /** Peers: of the second and third organisations. */
  let peer: Actor;
  let secondPeer: Actor;
  let stranger: Actor;
  let organizations: { assessed: string; visiting: string; third: string };
  let framework: Framework;
  let seq = 0;
  /** The service's database, as its own tables type it. */
  const db = () => evaluations.db as unknown as Kysely<EvaluationsDatabase>;
  const as = (actor: Actor | null) => ({ actor, requestId: `assessments-${++seq}` });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null) =>
    client.request(pattern as never, body as never, as(actor)) as Promise<T>;
  const failure = (request: Promise<unknown>): Promise<Refusal> =>
    request.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Refusal,
    );

  /** Everything assessments hold, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'assessments', (select json_agg(a order by id) from assessments a),
        'criterionAnswers', (select json_agg(c order by assessment_id, criterion_id) from criterion_answers c),
        'indicatorAnswers', (select json_agg(i order by assessment_id, indicator_id) from indicator_answers i),
        'outbox', (select count(*) from outbox)) as state`.execute(db());
    return rows[0].state;
  };
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = async (request: () => Promise<unknown>): Promise<Refusal> => {
    const before = await state();
    const error = await failure(request());
    expect(await state()).toEqual(before);
    return error;
  };

  // The grid: criteria and indicators by what they test.
  let needs: Criterion; // narrative required, evidence allowed: a count and a level
  let jobs: Criterion; // no evidence: a count and a narrative indicator
  let governance: Criterion; // a yes/no
  let people: Indicator;
  let access: Indicator;
  let integration: Indicator;
  let story: Indicator;
  let accounts: Indicator;

  const levels = ['Réservée', 'Ouverte', 'Aller-vers', 'Co-construite'].map((fr, value) => ({
    value,
    label: { fr },
    descriptor: { fr: `Niveau « ${fr} » atteint` },
  }));

  /** Builds and adopts the grid through evaluations' messages, as its editors would. */
  const loadFramework = async () => {
    const draft = await ask<Framework>(
      'evaluations.framework.create',
      { title: { fr: 'Grille d’utilité sociale des tiers-lieux' } },
      admin,
    );
    const frameworkId = draft.id;
    const dimension = (fr: string) =>
      ask<{ id: string }>('evaluations.dimension.create', { frameworkId, title: { fr } }, admin);
    const criterion = (dimensionId: string, fr: string, extra: Record<string, unknown> = {}) =>
      ask<Criterion>('evaluations.criterion.create', { frameworkId, dimensionId, title: { fr }, ...extra }, admin);
    const indicator = (criterionId: string, fields: Record<string, unknown>) =>
      ask<Indicator>('evaluations.indicator.create', { frameworkId, criterionId, ...fields }, admin);
    const utility = await dimension('Utilité sociale');
    const democracy = await dimension('Gouvernance démocratique');
    needs = await criterion(utility.id, 'Réponse à des besoins non couverts', {
      narrativeRequired: true,
      evidenceAllowed: true,
    });
    people = await indicator(needs.id, {
      kind: 'quantitative',
      title: { fr: 'Personnes accompagnées' },
      unit: { fr: 'personnes' },
    });
    access = await indicator(needs.id, { kind: 'level_scale', title: { fr: 'Accessibilité des activités' }, levels });
    jobs = await criterion(utility.id, 'Création d’emplois de qualité');
    integration = await indicator(jobs.id, { kind: 'quantitative', title: { fr: 'Emplois en insertion' } });
    story = await indicator(jobs.id, { kind: 'narrative', title: { fr: 'Récit d’un parcours' } });
    governance = await criterion(democracy.id, 'Transparence');
    accounts = await indicator(governance.id, { kind: 'yes_no', title: { fr: 'Les comptes sont présentés à tous' } });
    return ask<Framework>('evaluations.framework.adopt', { id: frameworkId }, admin);
  };

  /** A complete set of answers to the grid. */
  const completeAnswers = () => [
    {
      criterionId: needs.id,
      narrative: 'Une permanence d’accès aux droits ouverte le samedi.',
      evidence: [{ label: 'Rapport d’activité', url: 'https://tiers-lieu.example/rapport-2026.pdf' }],
      values: [
        { indicatorId: people.id, value: 240 },
        { indicatorId: access.id, value: 2 },
      ],
    },
    {
      criterionId: jobs.id,
      narrative: 'Un parcours de cuisinier en insertion, devenu formateur.',
      values: [{ indicatorId: integration.id, value: 6 }],
    },
    { criterionId: governance.id, values: [{ indicatorId: accounts.id, value: true }] },
  ];

  type Campaign = { id: string; assessed: string; visited: string };
  /**
   * A campaign of the grid in a state, with its coordinator and committee, two subjects (the
   * assessed organisation, visited by `peer`, and the visiting one, visited by `secondPeer`).
   */
  const seedCampaign = async (status: Status = 'open'): Promise<Campaign> => {
    const seed = db();
    const id = randomUUID();
    await seed
      .insertInto('campaigns')
      .values({
        id,
        framework_id: framework.id,
        lineage_id: framework.lineageId,
        title: JSON.stringify({ fr: 'Campagne d’évaluation 2026' }),
        status,
        starts_on: '2026-01-01',
        ends_on: '2026-06-30',
        created_by: admin.personId,
      })
      .execute();
    await seed
      .insertInto('campaign_people')
      .values([
        { campaign_id: id, person_id: coordinator.personId, role: 'coordinator', added_by: admin.personId },
        { campaign_id: id, person_id: committee.personId, role: 'committee', added_by: admin.personId },
      ])
      .execute();
    const assessed = randomUUID();
    const visited = randomUUID();
    await seed
      .insertInto('campaign_subjects')
      .values([
        {
          id: assessed,
          campaign_id: id,
          organization_id: organizations.assessed,
          name: 'Tiers-lieu des Tanneurs',
          added_by: coordinator.personId,
        },
        {
          id: visited,
          campaign_id: id,
          organization_id: organizations.visiting,
          name: 'Garage solidaire du Ried',
          added_by: coordinator.personId,
        },
      ])
      .execute();
    await seed
      .insertInto('peer_assignments')
      .values([
        { subject_id: assessed, person_id: peer.personId, assigned_by: coordinator.personId },
        { subject_id: visited, person_id: secondPeer.personId, assigned_by: coordinator.personId },
      ])
      .execute();
    return { id, assessed, visited };
  };
  const setStatus = (campaign: Campaign, status: Status) =>
    db().updateTable('campaigns').set({ status }).where('id', '=', campaign.id).execute();

  const start = (campaign: Campaign, kind: string, actor: Actor | null, subjectId = campaign.assessed) =>
    ask<Started>('evaluations.assessment.start', { campaignId: campaign.id, subjectId, kind }, actor);
  const get = (id: string, actor: Actor | null) => ask<Assessment>('evaluations.assessment.get', { id }, actor);
  const save = (id: string, answers: unknown[], actor: Actor | null, more: Record<string, unknown> = {}) =>
    ask<Assessment>('evaluations.assessment.saveAnswers', { id, answers, ...more }, actor);
  const submit = (id: string, actor: Actor | null) => ask<Assessment>('evaluations.assessment.submit', { id }, actor);
  const list = (campaign: Campaign, actor: Actor | null, query: Record<string, unknown> = {}) =>
    ask<Page<AssessmentSummary>>('evaluations.assessment.list', { campaignId: campaign.id, ...query }, actor);

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('assessments');
    ({ evaluations, client } = evaluationsRun);
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles, locale: 'fr' });
    admin = await signIn('admin', 'Coordination du réseau', ['admin', 'participant']);
    coordinator = await signIn('coline', 'Coline Ferrandier');
    committee = await signIn('octave', 'Octave Brassac');
    member = await signIn('maelle', 'Maëlle Tournesac');
    otherMember = await signIn('ilyes', 'Ilyès Vaudrenne');
    peer = await signIn('josselin', 'Josselin Marcoux');
    secondPeer = await signIn('firmin', 'Firmin Aubertal');
    stranger = await signIn('soline', 'Soline Quéméner');

    const organization = (name: string, kind: string, by: Actor) =>
      ask<{ id: string }>('members.organization.create', { name, kind }, by);
    const assessed = await organization('Tiers-lieu des Tanneurs', 'association', member);
    const visiting = await organization('Garage solidaire du Ried', 'cooperative', peer);
    const third = await organization('Ressourcerie du Val', 'association', secondPeer);
    organizations = { assessed: assessed.id, visiting: visiting.id, third: third.id };
    const invitation = await ask<{ id: string }>(
      'members.membership.invite',
      { organizationId: assessed.id, personId: otherMember.personId, role: 'member' },
      member,
    );
    await ask('members.membership.accept', { id: invitation.id }, otherMember);
    await eventually(async () => {
      const rows = await db().selectFrom('organization_members').select(['organization_id', 'person_id']).execute();
      expect(rows).toEqual(
        expect.arrayContaining([
          { organization_id: assessed.id, person_id: member.personId },
          { organization_id: assessed.id, person_id: otherMember.personId },
          { organization_id: visiting.id, person_id: peer.personId },
          { organization_id: third.id, person_id: secondPeer.personId },
        ]),
      );
    }, 10_000);
    framework = await loadFramework();
  });

  afterAll(() => evaluationsRun?.stop());

  describe('starting', () => {
    it('gives the subject’s members one shared self-assessment', async () => {
      const campaign = await seedCampaign();
      const first = await start(campaign, 'self', member);
      expect(first.created).toBe(true);
      expect(first.assessment).toMatchObject({
        kind: 'self',
        frameworkId: framework.id,
        campaignId: campaign.id,
        subjectId: campaign.assessed,
        proposalId: null,
        processId: null,
        authorId: null,
        authorName: null,
        status: 'draft',
        recommendations: null,
        submittedAt: null,
        answers: [],
      });
      const again = await start(campaign, 'self', otherMember);
      expect(again).toEqual({ assessment: first.assessment, created: false });
    });

    it('gives each assigned peer their own, and the committee one per subject', async () => {
      const campaign = await seedCampaign();
      await db()
        .insertInto('peer_assignments')
        .values({ subject_id: campaign.assessed, person_id: secondPeer.personId, assigned_by: coordinator.personId })
        .execute();
      const mine = await start(campaign, 'peer', peer);
      const theirs = await start(campaign, 'peer', secondPeer);
      expect(mine.created && theirs.created).toBe(true);
      expect(mine.assessment).toMatchObject({ kind: 'peer', authorId: peer.personId, authorName: 'Josselin Marcoux' });
      expect(theirs.assessment.id).not.toBe(mine.assessment.id);
      expect((await start(campaign, 'peer', peer)).assessment.id).toBe(mine.assessment.id);

      const opinion = await start(campaign, 'committee', committee);
      expect(opinion).toMatchObject({ created: true, assessment: { kind: 'committee', authorId: null } });
      const visited = await start(campaign, 'committee', committee, campaign.visited);
      expect(visited.assessment.id).not.toBe(opinion.assessment.id);
    });

    it('refuses those who do not write it: 403 when they read the subject, 404 otherwise', async () => {
      const campaign = await seedCampaign();
      expect((await refused(() => start(campaign, 'self', null))).code).toBe('unauthenticated');
      for (const reader of [peer, coordinator, committee, admin]) {
        const error = await refused(() => start(campaign, 'self', reader));
        expect(error).toMatchObject({
          code: 'forbidden',
          message: "Only the subject's members write its self-assessment.",
        });
      }
      for (const outsider of [stranger, secondPeer]) {
        expect((await refused(() => start(campaign, 'self', outsider))).code).toBe('not_found');
        expect((await refused(() => start(campaign, 'peer', outsider))).code).toBe('not_found');
      }
      expect((await refused(() => start(campaign, 'peer', member))).code).toBe('forbidden');
      expect((await refused(() => start(campaign, 'peer', coordinator))).code).toBe('forbidden');
      expect((await refused(() => start(campaign, 'committee', coordinator))).code).toBe('forbidden');
      expect((await refused(() => start(campaign, 'committee', member))).code).toBe('forbidden');
      const elsewhere = await seedCampaign();
      expect((await refused(() => start({ ...campaign, id: elsewhere.id }, 'self', member))).code).toBe('not_found');
    });

    it('refuses a bad kind or a missing subject with field errors', async () => {
      const campaign = await seedCampaign();
      const error = await refused(() =>
        ask('evaluations.assessment.start', { campaignId: campaign.id, kind: 'valuation' }, member),
      );
      expect(error.code).toBe('validation_failed');
      expect(error.errors?.map((e) => e.path).sort()).toEqual(['kind', 'subjectId']);
    });
  });

  describe('writing windows', () => {
    it('hides a draft campaign from all but its coordinators, who write nothing in it', async () => {
      const campaign = await seedCampaign('draft');
      expect((await refused(() => start(campaign, 'self', member))).code).toBe('not_found');
      expect((await refused(() => start(campaign, 'committee', committee))).code).toBe('not_found');
      expect((await refused(() => start(campaign, 'committee', coordinator))).code).toBe('forbidden');
    });

    it('takes self and peer assessments while open, the committee’s while open or in review', async () => {
      const campaign = await seedCampaign('open');
      const self = (await start(campaign, 'self', member)).assessment;
      const opinion = (await start(campaign, 'committee', committee)).assessment;
      const answer = [{ criterionId: governance.id, values: [{ indicatorId: accounts.id, value: false }] }];
      await save(self.id, answer, member);

      await setStatus(campaign, 'review');
      let error = await refused(() => save(self.id, answer, otherMember));
      expect(error).toMatchObject({ code: 'campaign_state', details: { status: 'review' } });
      expect(error.message).toBe('Self-assessments are written while the campaign is open; it is in review.');
      expect((await refused(() => start(campaign, 'peer', peer))).code).toBe('campaign_state');
      expect((await refused(() => submit(self.id, member))).code).toBe('campaign_state');
      // The one there is is still answered, whatever the state.
      expect(await start(campaign, 'self', member)).toMatchObject({ created: false, assessment: { id: self.id } });
      await save(opinion.id, answer, committee, { recommendations: 'Ouvrir le conseil aux usagers.' });
      expect((await start(campaign, 'committee', committee, campaign.visited)).created).toBe(true);

      await setStatus(campaign, 'closed');
      error = await refused(() => save(opinion.id, answer, committee));
      expect(error).toMatchObject({ code: 'campaign_state', details: { status: 'closed' } });
      expect((await refused(() => submit(opinion.id, committee))).code).toBe('campaign_state');
    });
  });

  describe('saving answers', () => {
    it('saves values, narratives and evidence, and changes only what is given', async () => {
      const campaign = await seedCampaign();
      const { assessment } = await start(campaign, 'self', member);
      const saved = await save(assessment.id, completeAnswers(), member);
      expect(saved.answers).toEqual([
        {
          criterionId: needs.id,
          narrative: 'Une permanence d’accès aux droits ouverte le samedi.',
          evidence: [{ label: 'Rapport d’activité', url: 'https://tiers-lieu.example/rapport-2026.pdf' }],
          values: [
            { indicatorId: people.id, value: 240 },
            { indicatorId: access.id, value: 2 },
          ],
        },
        {
          criterionId: jobs.id,
          narrative: 'Un parcours de cuisinier en insertion, devenu formateur.',
          evidence: [],
          values: [{ indicatorId: integration.id, value: 6 }],
        },
        { criterionId: governance.id, narrative: null, evidence: [], values: [{ indicatorId: accounts.id, value: 1 }] },
      ]);

      // Another member goes on: one value changed, one cleared, the narrative kept; other criteria untouched.
      const edited = await save(
        assessment.id,
        [
          {
            criterionId: needs.id,
            values: [
              { indicatorId: people.id, value: 251.5 },
              { indicatorId: access.id, value: null },
            ],
          },
        ],
        otherMember,
      );
      expect(edited.answers[0]).toEqual({ ...saved.answers[0], values: [{ indicatorId: people.id, value: 251.5 }] });
      expect(edited.answers.slice(1)).toEqual(saved.answers.slice(1));
      const cleared = await save(
        assessment.id,
        [{ criterionId: governance.id, values: [{ indicatorId: accounts.id, value: null }] }],
        member,
      );
      expect(cleared.answers.map((a) => a.criterionId)).toEqual([needs.id, jobs.id]);
      const untold = await save(assessment.id, [{ criterionId: jobs.id, narrative: '   ' }], member);
      expect(untold.answers[1].narrative).toBeNull();
      expect(await get(assessment.id, member)).toEqual(untold);
    });

    it('lets only the committee give recommendations, and only a peer write their own', async () => {
      const campaign = await seedCampaign();
      const self = (await start(campaign, 'self', member)).assessment;
      const answers = [{ criterionId: governance.id, values: [{ indicatorId: accounts.id, value: true }] }];
      const error = await refused(() => save(self.id, answers, member, { recommendations: 'Ouvrir les comptes.' }));
      expect(error).toMatchObject({ code: 'validation_failed', errors: [{ path: 'recommendations' }] });

      const opinion = (await start(campaign, 'committee', committee)).assessment;
      const withRecommendations = await save(opinion.id, answers, committee, {
        recommendations: 'Associer les bénévoles aux décisions.',
      });
      expect(withRecommendations.recommendations).toBe('Associer les bénévoles aux décisions.');

      await db()
        .insertInto('peer_assignments')
        .values({ subject_id: campaign.assessed, person_id: secondPeer.personId, assigned_by: coordinator.personId })
        .execute();
      const mine = (await start(campaign, 'peer', peer)).assessment;
      expect((await refused(() => save(mine.id, answers, secondPeer))).code).toBe('forbidden');
      expect((await refused(() => save(mine.id, answers, member))).code).toBe('forbidden');
      expect((await refused(() => save(self.id, answers, peer))).code).toBe('forbidden');
      expect((await refused(() => save(self.id, answers, coordinator))).code).toBe('forbidden');
      expect((await refused(() => save(self.id, answers, stranger))).code).toBe('not_found');
      expect((await refused(() => save(self.id, answers, null))).code).toBe('unauthenticated');
    });

    it('refuses answers that do not fit the framework, naming each, and saves nothing', async () => {
      const campaign = await seedCampaign();
      const { assessment } = await start(campaign, 'self', member);
      await save(assessment.id, completeAnswers(), member);
      const problem = async (answers: unknown[]) => {
        const error = await refused(() => save(assessment.id, answers, member));
        expect(error.code).toBe('validation_failed');
        return error.errors ?? [];
      };
      const unknown = randomUUID();
      expect(await problem([{ criterionId: unknown }])).toEqual([
        { path: 'answers.0.criterionId', message: `Criterion ${unknown} is not in version 1 of this framework.` },
      ]);
      expect(await problem([{ criterionId: needs.id, values: [{ indicatorId: accounts.id, value: true }] }])).toEqual([
        {
          path: 'answers.0.values.0.indicatorId',
          message: `Indicator ${accounts.id} is not an indicator of criterion "Réponse à des besoins non couverts".`,
        },
      ]);
      expect(
        await problem([
          { criterionId: governance.id, values: [] },
          { criterionId: needs.id, values: [{ indicatorId: access.id, value: 7 }] },
        ]),
      ).toEqual([
        {
          path: 'answers.1.values.0.value',
          message:
            '7 is not a level of "Accessibilité des activités": give one of 0 (Réservée), 1 (Ouverte), 2 (Aller-vers), 3 (Co-construite).',
        },
      ]);
      expect(await problem([{ criterionId: governance.id, values: [{ indicatorId: accounts.id, value: 1 }] }])).toEqual(
        [
          {
            path: 'answers.0.values.0.value',
            message: '"Les comptes sont présentés à tous" is a yes/no indicator: give true or false, not 1.',
          },
        ],
      );
      expect(await problem([{ criterionId: jobs.id, values: [{ indicatorId: integration.id, value: true }] }])).toEqual(
        [
          {
            path: 'answers.0.values.0.value',
            message: '"Emplois en insertion" is a quantitative indicator: give a number, not true.',
          },
        ],
      );
      expect(await problem([{ criterionId: jobs.id, values: [{ indicatorId: story.id, value: 3 }] }])).toEqual([
        { path: 'answers.0.values.0.value', message: expect.stringContaining("answered by the criterion's narrative") },
      ]);
      expect(
        await problem([
          { criterionId: jobs.id, evidence: [{ label: 'Fiche de poste', url: 'https://tiers-lieu.example/poste' }] },
        ]),
      ).toEqual([
        { path: 'answers.0.evidence', message: 'Criterion "Création d’emplois de qualité" takes no evidence.' },
      ]);
      expect(await problem([{ criterionId: jobs.id }, { criterionId: jobs.id, narrative: 'Encore' }])).toEqual([
        {
          path: 'answers.1.criterionId',
          message: 'Criterion "Création d’emplois de qualité" is answered twice: give each criterion once.',
        },
      ]);
      // The shape is checked before the service: a bad URL, too long a narrative, no answers at all.
      const paths = async (answers: unknown[]) => (await problem(answers)).map((e) => e.path);
      expect(
        await paths([{ criterionId: needs.id, evidence: [{ label: 'Lien', url: 'ftp://tiers-lieu.example/x' }] }]),
      ).toEqual(['answers.0.evidence.0.url']);
      expect(await paths([{ criterionId: needs.id, narrative: 'x'.repeat(10_001) }])).toEqual(['answers.0.narrative']);
      expect(await paths([])).toEqual(['answers']);
      expect(await paths([{ criterionId: needs.id, score: 3 }])).toEqual(['answers.0']);
    });
  });

  describe('submitting', () => {
    it('refuses an incomplete assessment, listing what is missing', async () => {
      const campaign = await seedCampaign();
      const { assessment } = await start(campaign, 'self', member);
      const [first, second] = completeAnswers();
      await save(assessment.id, [{ ...first, narrative: null }, second], member);
      const error = await refused(() => submit(assessment.id, member));
      expect(error.code).toBe('assessment_incomplete');
      expect(error.details).toEqual({
        missing: [
          { criterionId: needs.id, missing: ['narrative'] },
          { criterionId: governance.id, missing: [`indicator:${accounts.id}`] },
        ],
      });
    });

    it('freezes a complete assessment: no more answers, no second submit', async () => {
      const campaign = await seedCampaign();
      const { assessment } = await start(campaign, 'self', member);
      await save(assessment.id, completeAnswers(), member);
      const submitted = await submit(assessment.id, otherMember);
      expect(submitted).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
      const row = await db()
        .selectFrom('assessments')
        .select('submitted_by')
        .where('id', '=', assessment.id)
        .executeTakeFirstOrThrow();
      expect(row.submitted_by).toBe(otherMember.personId);

      const edit = [{ criterionId: governance.id, values: [{ indicatorId: accounts.id, value: false }] }];
      expect(await refused(() => save(assessment.id, edit, member))).toMatchObject({
        code: 'assessment_submitted',
        message: 'This assessment is submitted: it is never changed.',
      });
      expect((await refused(() => submit(assessment.id, member))).code).toBe('assessment_submitted');
      // Even after the window closed, the refusal says why it is frozen.
      await setStatus(campaign, 'closed');
      expect((await refused(() => save(assessment.id, edit, member))).code).toBe('assessment_submitted');
      expect(await get(assessment.id, member)).toEqual(submitted);
    });

    it('lets exactly one of two concurrent submits win', async () => {
      const campaign = await seedCampaign();
      const { assessment } = await start(campaign, 'committee', committee);
      await save(assessment.id, completeAnswers(), committee);
      const outcomes = await Promise.allSettled([submit(assessment.id, committee), submit(assessment.id, committee)]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const [lost] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect((lost.reason as Refusal).code).toBe('assessment_submitted');
    });

    it('gives a peer’s submission to the peer only', async () => {
      const campaign = await seedCampaign();
      const { assessment } = await start(campaign, 'peer', peer);
      await save(assessment.id, completeAnswers(), peer);
      expect((await refused(() => submit(assessment.id, member))).code).toBe('forbidden');
      expect((await refused(() => submit(assessment.id, committee))).code).toBe('forbidden');
      expect((await submit(assessment.id, peer)).status).toBe('submitted');
    });
  });

  describe('reading', () => {
    let campaign: Campaign;
    let self: Assessment;
    let visit: Assessment;
    let opinion: Assessment;
    let otherSelf: Assessment;

    beforeAll(async () => {
      campaign = await seedCampaign();
      self = (await start(campaign, 'self', member)).assessment;
      visit = (await start(campaign, 'peer', peer)).assessment;
      opinion = (await start(campaign, 'committee', committee)).assessment;
      otherSelf = (await start(campaign, 'self', peer, campaign.visited)).assessment;
      self = await save(self.id, completeAnswers().slice(0, 2), member);
    });

    it('shows a subject’s assessments to its members, its peers, the committee, coordinators and admins', async () => {
      for (const reader of [member, otherMember, peer, committee, coordinator, admin]) {
        expect((await get(self.id, reader)).id).toBe(self.id);
        expect((await get(visit.id, reader)).id).toBe(visit.id);
      }
      expect((await get(self.id, member)).answers.map((a) => a.criterionId)).toEqual([needs.id, jobs.id]);
    });

    it('hides them from everyone else', async () => {
      for (const outsider of [secondPeer, stranger]) {
        expect(await failure(get(self.id, outsider))).toMatchObject({
          code: 'not_found',
          message: 'No such assessment.',
        });
      }
      expect((await failure(get(self.id, null))).code).toBe('unauthenticated');
      expect((await failure(get(randomUUID(), member))).code).toBe('not_found');
    });

    it('lists the assessments of the subjects the caller reads, with how much is answered', async () => {
      const ids = (page: Page<AssessmentSummary>) => page.data.map((a) => a.id);
      const all = await list(campaign, coordinator);
      expect(ids(all)).toEqual([otherSelf.id, self.id, visit.id, opinion.id]);
      expect(all.meta).toEqual({ total: 4, page: 1, perPage: 25 });
      expect(all.data[1]).toMatchObject({ kind: 'self', answeredCriteria: 2 });
      expect(all.data[1]).not.toHaveProperty('answers');
      expect(ids(await list(campaign, committee))).toEqual(ids(all));
      expect(ids(await list(campaign, admin))).toEqual(ids(all));
      // The assessed organisation's members and its peer see its three; the visiting one's members see theirs
      // and the subject they visit.
      expect(ids(await list(campaign, member))).toEqual([self.id, visit.id, opinion.id]);
      expect(ids(await list(campaign, peer))).toEqual(ids(all));
      expect(ids(await list(campaign, secondPeer))).toEqual([otherSelf.id]);
      expect((await list(campaign, stranger)).data).toEqual([]);
      expect((await failure(list(campaign, null))).code).toBe('unauthenticated');

      expect(ids(await list(campaign, coordinator, { kind: 'peer' }))).toEqual([visit.id]);
      expect(ids(await list(campaign, coordinator, { subjectId: campaign.visited }))).toEqual([otherSelf.id]);
      const page = await list(campaign, coordinator, { perPage: 2, page: 2 });
      expect(page).toMatchObject({ meta: { total: 4, page: 2, perPage: 2 } });
      expect(ids(page)).toEqual([visit.id, opinion.id]);
    });
  });
});
