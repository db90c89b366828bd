// Stakeholders' voices (regards des parties prenantes) in the evaluations service, with members
// as its own process, in one isolated run against real Postgres and NATS. Campaigns and their
// subjects are seeded as rows (their use-cases are written elsewhere); the framework is built
// and adopted through evaluations' own messages.
import type {
  Actor,
  Criterion,
  Dimension,
  Framework,
  Indicator,
  StakeholderQuestionnaire,
  StakeholderReceipt,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { registerPerson } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { createHmac, randomUUID } from 'node:crypto';
import type { CampaignStatus } from '../src/campaign/campaign.tables';
import type { EvaluationsDatabase } from '../src/db/schema';
import { DEVELOPMENT_STAKEHOLDER_KEY } from '../src/stakeholder/source-key';
import { stakeholderAnswersOf } from '../src/stakeholder/stakeholder.repository';
import { startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';
import { refusalsAgainst, type Refusal } from './support/refusals';

jest.setTimeout(60_000);

describe('stakeholders', () => {
  let evaluationsRun: EvaluationsRun;
  let db: Kysely<EvaluationsDatabase>;
  let client: ServiceClient;
  let admin: Actor;
  let coordinator: Actor;
  let resident: Actor;
  let framework: Framework;
  /** The chosen criteria: a scale, a yes/no, a quantity and a narrative; a yes/no and a quantity; a quantity only. */
  let participation: Criterion;
  let pooling: Criterion;
  let partners: Criterion;
  /** Not chosen by the coordinators. */
  let ecology: Criterion;
  let open: { id: string; subjects: { id: string; name: string }[] };
  let draft: string;
  let review: string;
  let closed: string;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `stakeholders-${++seq}` });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null = null) =>
    client.request(pattern as never, body as never, as(actor)) as Promise<T>;

  const questionnaire = (campaignId: string, subjectId?: string, actor: Actor | null = null) =>
    ask<StakeholderQuestionnaire>(
      'evaluations.stakeholder.questionnaire',
      { campaignId, ...(subjectId ? { subjectId } : {}) },
      actor,
    );
  const indicator = (criterion: Criterion, kind: Indicator['kind']) =>
    criterion.indicators.find((i) => i.kind === kind)!;
  /** A valid response about the open campaign's first subject, from `source`. */
  const response = (source: string, fields: Record<string, unknown> = {}) => ({
    campaignId: open.id,
    subjectId: open.subjects[0].id,
    relation: 'inhabitant',
    answers: [
      { indicatorId: indicator(participation, 'level_scale').id, value: 3 },
      { indicatorId: indicator(participation, 'yes_no').id, value: true },
      { indicatorId: indicator(pooling, 'yes_no').id, value: false },
    ],
    source,
    ...fields,
  });
  const respond = (body: Record<string, unknown>, actor: Actor | null = null) =>
    ask<StakeholderReceipt>('evaluations.stakeholder.respond', body, actor);
  const sourceKey = (campaignId: string, source: string) =>
    createHmac('sha256', DEVELOPMENT_STAKEHOLDER_KEY).update(`${campaignId}:${source}`).digest('hex');
  const storedFrom = async (campaignId: string, source: string) =>
    db
      .selectFrom('stakeholder_responses')
      .selectAll()
      .where('source_key', '=', sourceKey(campaignId, source))
      .orderBy('submitted_at')
      .execute();

  /** Everything stakeholders left, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'responses', (select json_agg(r order by id) from stakeholder_responses r),
        'answers', (select json_agg(a order by response_id, indicator_id) from stakeholder_answers a)) as state`.execute(
      db,
    );
    return rows[0].state;
  };
  const refused = refusalsAgainst(state);

  /** A small grid, built and adopted through evaluations' messages as its editors would. */
  const buildFramework = async (): Promise<Framework> => {
    const byAdmin = <T>(pattern: string, body: Record<string, unknown>) => ask<T>(pattern, body, admin);
    const { id: frameworkId } = await byAdmin<Framework>('evaluations.framework.create', {
      title: { fr: 'Grille d’utilité sociale du réseau' },
    });
    const levels = ['Informés', 'Consultés', 'Associés', 'Décideurs'].map((fr, i) => ({
      value: i + 1,
      label: { fr },
      descriptor: { fr: `Les membres sont ${fr.toLowerCase()} des décisions.` },
    }));
    const grid: { dimension: string; criteria: { title: string; indicators: Record<string, unknown>[] }[] }[] = [
      {
        dimension: 'Gouvernance démocratique',
        criteria: [
          {
            title: 'Participation aux décisions',
            indicators: [
              { kind: 'level_scale', title: { fr: 'Place des membres, salariés et bénévoles' }, levels },
              { kind: 'yes_no', title: { fr: 'Les comptes sont présentés à tous' } },
              { kind: 'quantitative', title: { fr: 'Assemblées tenues dans l’année' } },
              { kind: 'narrative', title: { fr: 'Une décision prise ensemble' } },
            ],
          },
        ],
      },
      {
        dimension: 'Coopération',
        criteria: [
          {
            title: 'Mutualisation de moyens',
            indicators: [
              { kind: 'yes_no', title: { fr: 'Des locaux ou du matériel sont partagés' } },
              { kind: 'quantitative', title: { fr: 'Structures avec lesquelles des moyens sont partagés' } },
            ],
          },
          {
            title: 'Partenariats avec les acteurs du territoire',
            indicators: [{ kind: 'quantitative', title: { fr: 'Partenaires locaux actifs' }, target: 10 }],
          },
        ],
      },
      {
        dimension: 'Écologie',
        criteria: [
          {
            title: 'Vigilance écologique',
            indicators: [{ kind: 'level_scale', title: { fr: 'Sobriété des achats' }, levels }],
          },
        ],
      },
    ];
    for (const { dimension, criteria } of grid) {
      const { id: dimensionId } = await byAdmin<Dimension>('evaluations.dimension.create', {
        frameworkId,
        title: { fr: dimension },
      });
      for (const { title, indicators } of criteria) {
        const { id: criterionId } = await byAdmin<Criterion>('evaluations.criterion.create', {
          frameworkId,
          dimensionId,
          title: { fr: title },
          description: { fr: `Ce que la structure fait pour : ${title.toLowerCase()}.` },
        });
        for (const fields of indicators) {
          await byAdmin('evaluations.indicator.create', { frameworkId, criterionId, ...fields });
        }
      }
    }
    return byAdmin<Framework>('evaluations.framework.adopt', { id: frameworkId });
  };

  /** A campaign on the framework, as its use-cases would leave it, with subjects named as given. */
  const seedCampaign = async (status: CampaignStatus, subjectNames: string[]) => {
    const id = randomUUID();
    await db
      .insertInto('campaigns')
      .values({
        id,
        framework_id: framework.id,
        lineage_id: framework.lineageId,
        title: JSON.stringify({ fr: `Campagne ${status} ${seq}`, en: `Campaign ${status}` }),
        description: JSON.stringify({ fr: 'Dites-nous ce que vous voyez de ces structures.' }),
        status,
        starts_on: '2027-01-04',
        ends_on: '2027-06-30',
        stakeholder_criteria: [participation.id, pooling.id, partners.id],
        created_by: admin.personId,
      })
      .execute();
    await db
      .insertInto('campaign_people')
      .values({ campaign_id: id, person_id: coordinator.personId, role: 'coordinator', added_by: admin.personId })
      .execute();
    const subjects = subjectNames.map((name) => ({ id: randomUUID(), name }));
    if (subjects.length) {
      await db
        .insertInto('campaign_subjects')
        .values(
          subjects.map((s) => ({
            ...s,
            campaign_id: id,
            organization_id: randomUUID(),
            added_by: coordinator.personId,
          })),
        )
        .execute();
    }
    return { id, subjects };
  };

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('stakeholders');
    client = evaluationsRun.client;
    db = evaluationsRun.evaluations.db as unknown as Kysely<EvaluationsDatabase>;
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    coordinator = await signIn('coordination', 'Odile Marchetti');
    resident = await signIn('habitante', 'Josiane Perrault');
    framework = await buildFramework();
    const criteria = framework.dimensions.flatMap((d) => d.criteria);
    [participation, pooling, partners, ecology] = criteria;
    open = await seedCampaign('open', ['Régie de quartier des Tanneurs', 'AMAP du Lodévois', 'Atelier vélo solidaire']);
    open.subjects.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    draft = (await seedCampaign('draft', ['Tiers-lieu La Fabrique'])).id;
    review = (await seedCampaign('review', ['Tiers-lieu La Fabrique'])).id;
    closed = (await seedCampaign('closed', ['Tiers-lieu La Fabrique'])).id;
  });

  afterAll(() => evaluationsRun?.stop());

  describe('the questionnaire', () => {
    it('lists the subjects of an open campaign to anyone, by name, asking nothing yet', async () => {
      const found = await questionnaire(open.id);
      expect(found).toEqual({
        campaignId: open.id,
        title: expect.objectContaining({ en: 'Campaign open' }),
        description: { fr: 'Dites-nous ce que vous voyez de ces structures.' },
        endsOn: '2027-06-30',
        subjects: open.subjects,
        subject: null,
        criteria: [],
      });
      expect(await questionnaire(open.id, undefined, resident)).toEqual(found);
    });

    it('asks about a subject the chosen criteria’s levels and yes/no only, with each level’s meaning', async () => {
      const [subject] = open.subjects;
      const found = await questionnaire(open.id, subject.id);
      expect(found.subject).toEqual(subject);
      const scale = indicator(participation, 'level_scale');
      expect(found.criteria).toEqual([
        {
          criterionId: participation.id,
          title: participation.title,
          description: participation.description,
          questions: [
            {
              indicatorId: scale.id,
              kind: 'level_scale',
              title: scale.title,
              description: null,
              levels: scale.levels,
            },
            {
              indicatorId: indicator(participation, 'yes_no').id,
              kind: 'yes_no',
              title: { fr: 'Les comptes sont présentés à tous' },
              description: null,
              levels: [],
            },
          ],
        },
        {
          criterionId: pooling.id,
          title: pooling.title,
          description: pooling.description,
          questions: [expect.objectContaining({ indicatorId: indicator(pooling, 'yes_no').id, kind: 'yes_no' })],
        },
      ]);
      // Each level comes with its label and what it means.
      expect(found.criteria[0].questions[0].levels[1]).toEqual({
        value: 2,
        label: { fr: 'Consultés' },
        descriptor: { fr: 'Les membres sont consultés des décisions.' },
      });
      // The partners criterion asks only a quantity, the ecology one was not chosen: neither is asked.
      const asked = found.criteria.map((c) => c.criterionId);
      expect(asked).not.toContain(partners.id);
      expect(asked).not.toContain(ecology.id);
    });

    it('is open only while the campaign is: a draft does not exist, review and closed say so', async () => {
      for (const actor of [null, coordinator]) {
        const hidden = await refused(() => questionnaire(draft, undefined, actor));
        expect(hidden.code).toBe('not_found');
      }
      for (const [id, status] of [
        [review, 'review'],
        [closed, 'closed'],
      ] as const) {
        const shut = await refused(() => questionnaire(id));
        expect(shut).toMatchObject({ code: 'campaign_state', details: { status } });
        expect(shut.message).toContain(status);
      }
      expect((await refused(() => questionnaire(randomUUID()))).code).toBe('not_found');
      const { id: reviewed } = await db
        .selectFrom('campaign_subjects')
        .select('id')
        .where('campaign_id', '=', review)
        .executeTakeFirstOrThrow();
      const elsewhere = await refused(() => questionnaire(open.id, reviewed));
      expect(elsewhere.code).toBe('not_found');
      const badId = await refused(() => ask('evaluations.stakeholder.questionnaire', { campaignId: 'x' }));
      expect(badId.code).toBe('validation_failed');
      expect(badId.errors?.map((e) => e.path)).toEqual(['campaignId']);
    });
  });

  describe('responding', () => {
    it('stores an anonymous response with nothing of who gave it, only a keyed hash of its source', async () => {
      const source = '203.0.113.7';
      const receipt = await respond(response(source, { comment: '  Un lieu où l’on se sent accueilli.  ' }));
      expect(receipt).toEqual({
        campaignId: open.id,
        subjectId: open.subjects[0].id,
        answersCount: 3,
        receivedAt: expect.any(String),
      });
      const [row] = await storedFrom(open.id, source);
      expect(Object.keys(row).sort()).toEqual(
        ['campaign_id', 'comment', 'id', 'relation', 'source_key', 'subject_id', 'submitted_at'].sort(),
      );
      expect(row).toMatchObject({
        campaign_id: open.id,
        subject_id: open.subjects[0].id,
        relation: 'inhabitant',
        comment: 'Un lieu où l’on se sent accueilli.',
      });
      expect(row.source_key).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(source);
      const answers = await db
        .selectFrom('stakeholder_answers')
        .select(['indicator_id', 'criterion_id', 'value'])
        .where('response_id', '=', row.id)
        .orderBy('value')
        .execute();
      expect(answers).toEqual([
        { indicator_id: indicator(pooling, 'yes_no').id, criterion_id: pooling.id, value: 0 },
        { indicator_id: indicator(participation, 'yes_no').id, criterion_id: participation.id, value: 1 },
        { indicator_id: indicator(participation, 'level_scale').id, criterion_id: participation.id, value: 3 },
      ]);
    });

    it('keeps nothing of a signed-in respondent either', async () => {
      const source = '203.0.113.8';
      await respond(response(source, { relation: 'user', subjectId: open.subjects[1].id }), resident);
      const rows = await storedFrom(open.id, source);
      expect(rows).toHaveLength(1);
      const everything = JSON.stringify(await state());
      for (const trace of [resident.personId, resident.username, resident.subject, resident.displayName]) {
        expect(everything).not.toContain(trace);
      }
    });

    it('hashes the same source differently per campaign', async () => {
      const other = await seedCampaign('open', ['Jardin partagé des Capucins']);
      const source = '203.0.113.9';
      await respond(response(source));
      await respond(
        response(source, {
          campaignId: other.id,
          subjectId: other.subjects[0].id,
          answers: [{ indicatorId: indicator(pooling, 'yes_no').id, value: true }],
        }),
      );
      const [here] = await storedFrom(open.id, source);
      const [there] = await storedFrom(other.id, source);
      expect(here.source_key).not.toBe(there.source_key);
    });

    it('refuses what does not fit the questionnaire, naming each answer, and stores nothing', async () => {
      const scale = indicator(participation, 'level_scale').id;
      const yesNo = indicator(participation, 'yes_no').id;
      const source = '198.51.100.1';
      const misfit = await refused(() =>
        respond(
          response(source, {
            answers: [
              { indicatorId: scale, value: 7 },
              { indicatorId: indicator(participation, 'quantitative').id, value: 4 },
              { indicatorId: indicator(ecology, 'level_scale').id, value: 2 },
              { indicatorId: yesNo, value: 1 },
              { indicatorId: indicator(pooling, 'yes_no').id, value: true },
              { indicatorId: indicator(pooling, 'yes_no').id, value: false },
              { indicatorId: randomUUID(), value: 1 },
            ],
          }),
        ),
      );
      expect(misfit.code).toBe('validation_failed');
      expect(misfit.errors?.map((e) => e.path)).toEqual([
        'answers.0.value',
        'answers.1.indicatorId',
        'answers.2.indicatorId',
        'answers.3.value',
        'answers.5.indicatorId',
        'answers.6.indicatorId',
      ]);
      expect(misfit.errors?.[0].message).toContain('7 is not a level of');
      expect(misfit.errors?.[0].message).toContain('4 (Décideurs)');
      expect(misfit.errors?.[4].message).toContain('twice');

      const aBooleanForALevel = await refused(() =>
        respond(response(source, { answers: [{ indicatorId: scale, value: true }] })),
      );
      expect(aBooleanForALevel.errors?.map((e) => e.path)).toEqual(['answers.0.value']);

      const shapes = await refused(() =>
        respond(response(source, { relation: 'neighbour', answers: [], comment: 'x'.repeat(2001), unknown: true })),
      );
      expect(shapes.code).toBe('validation_failed');
      expect(shapes.errors?.map((e) => e.path).sort()).toEqual(['', 'answers', 'comment', 'relation']);
      const tooMany = await refused(() =>
        respond(response(source, { answers: Array.from({ length: 51 }, () => ({ indicatorId: scale, value: 1 })) })),
      );
      expect(tooMany.errors?.map((e) => e.path)).toEqual(['answers']);
      const noSource = await refused(() => respond({ ...response(source), source: undefined }));
      expect(noSource.errors?.map((e) => e.path)).toEqual(['source']);

      const elsewhere = await refused(() => respond(response(source, { subjectId: randomUUID() })));
      expect(elsewhere.errors).toEqual([{ path: 'subjectId', message: 'Not a subject of this campaign.' }]);
      expect(await storedFrom(open.id, source)).toEqual([]);
    });

    it('takes no response outside an open campaign', async () => {
      const subjectOf = async (campaignId: string) =>
        (
          await db
            .selectFrom('campaign_subjects')
            .select('id')
            .where('campaign_id', '=', campaignId)
            .executeTakeFirstOrThrow()
        ).id;
      for (const [id, status] of [
        [review, 'review'],
        [closed, 'closed'],
      ] as const) {
        const refusedState = await refused(async () =>
          respond(response('198.51.100.2', { campaignId: id, subjectId: await subjectOf(id) })),
        );
        expect(refusedState).toMatchObject({ code: 'campaign_state', details: { status } });
      }
      const hidden = await refused(async () =>
        respond(response('198.51.100.2', { campaignId: draft, subjectId: await subjectOf(draft) })),
      );
      expect(hidden.code).toBe('not_found');
    });
  });

  describe('limits against stuffing', () => {
    it('takes 3 responses per subject from one source in 24 hours, then says when to come back', async () => {
      const source = '192.0.2.10';
      for (let i = 0; i < 3; i++) await respond(response(source));
      const fourth = await refused(() => respond(response(source)));
      expect(fourth.code).toBe('rate_limited');
      const wait = fourth.details?.retryAfterSeconds as number;
      expect(wait).toBeGreaterThan(24 * 3600 - 120);
      expect(wait).toBeLessThanOrEqual(24 * 3600);
      // Another subject, or another source, is still heard.
      await respond(response(source, { subjectId: open.subjects[1].id }));
      await respond(response('192.0.2.11'));
      expect(await storedFrom(open.id, source)).toHaveLength(4);
    });

    it('counts only the last 24 hours', async () => {
      const source = '192.0.2.12';
      await db
        .insertInto('stakeholder_responses')
        .values(
          [1, 2, 3].map(() => ({
            id: randomUUID(),
            campaign_id: open.id,
            subject_id: open.subjects[2].id,
            relation: 'partner' as const,
            source_key: sourceKey(open.id, source),
            submitted_at: new Date(Date.now() - 25 * 3600 * 1000),
          })),
        )
        .execute();
      await respond(response(source, { subjectId: open.subjects[2].id }));
      expect(await storedFrom(open.id, source)).toHaveLength(4);
    });

    it('takes 30 responses per campaign from one source in 24 hours', async () => {
      const names = Array.from({ length: 11 }, (_, i) => `Structure adhérente n° ${i + 1}`);
      const network = await seedCampaign('open', names);
      const source = '192.0.2.20';
      const about = (subjectId: string) =>
        response(source, {
          campaignId: network.id,
          subjectId,
          answers: [{ indicatorId: indicator(pooling, 'yes_no').id, value: true }],
        });
      for (const subject of network.subjects.slice(0, 10)) {
        for (let i = 0; i < 3; i++) await respond(about(subject.id));
      }
      const thirtyFirst = await refused(() => respond(about(network.subjects[10].id)));
      expect(thirtyFirst.code).toBe('rate_limited');
      expect(thirtyFirst.details?.retryAfterSeconds).toBeGreaterThan(24 * 3600 - 300);
      expect(await storedFrom(network.id, source)).toHaveLength(30);
    });

    it('holds against a flood sent in parallel: of 20 at once, exactly 3 are stored', async () => {
      const source = '192.0.2.30';
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => respond(response(source))));
      const stored = outcomes.filter((o) => o.status === 'fulfilled');
      const limited = outcomes.filter((o) => o.status === 'rejected' && (o.reason as Refusal).code === 'rate_limited');
      expect(stored).toHaveLength(3);
      expect(limited).toHaveLength(17);
      expect(await storedFrom(open.id, source)).toHaveLength(3);
    });
  });

  describe('aggregates for the results', () => {
    it('gives per subject the count, every answer and the comments newest first', async () => {
      const campaign = await seedCampaign('open', ['Épicerie solidaire du Faubourg', 'Ressourcerie des Cévennes']);
      const [first, second] = campaign.subjects;
      const scale = indicator(participation, 'level_scale').id;
      const say = (source: string, value: number, comment?: string) =>
        respond({
          campaignId: campaign.id,
          subjectId: first.id,
          relation: 'user',
          answers: [{ indicatorId: scale, value }],
          source,
          ...(comment ? { comment } : {}),
        });
      await say('10.0.0.1', 2, 'Une équipe à l’écoute.');
      await say('10.0.0.2', 4);
      await say('10.0.0.3', 3, 'On nous demande notre avis avant de décider.');
      const aggregates = await stakeholderAnswersOf(db, [first.id, second.id]);
      expect(aggregates.get(second.id)).toEqual({ count: 0, answers: [], comments: [] });
      const ofFirst = aggregates.get(first.id)!;
      expect(ofFirst.count).toBe(3);
      expect(ofFirst.comments).toEqual(['On nous demande notre avis avant de décider.', 'Une équipe à l’écoute.']);
      expect(ofFirst.answers).toEqual(
        [2, 3, 4].map((value) => ({ indicatorId: scale, criterionId: participation.id, value })),
      );
    });
  });
});
