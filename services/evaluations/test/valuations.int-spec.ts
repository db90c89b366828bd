// Valuations of proposals with a framework: a process's valuators assess the proposals assigned to
// them, with members, processes and proposals as their own processes, against real Postgres and NATS.
import type {
  Actor,
  Framework,
  FrameworkValuation,
  Process,
  ProcessValuationFramework,
  Proposal,
  StartedFrameworkValuation,
  ValuationFrameworkChoice,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { registerPerson } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { openPhase, startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';
import { refusalsAgainst, type Refusal } from './support/refusals';

jest.setTimeout(30_000);

describe('valuations of proposals', () => {
  let evaluationsRun: EvaluationsRun;
  let evaluations: RunningService;
  let client: ServiceClient;
  /** A platform admin: builds the frameworks and the process. */
  let admin: Actor;
  /** An admin of the process only. */
  let organiser: Actor;
  /** Valuators of the process: the first two are assigned to the proposal, the third is not. */
  let valerie: Actor;
  let bernard: Actor;
  let victor: Actor;
  /** The proposal's author, a participant. */
  let paula: Actor;
  let process: Process;
  let proposal: Proposal;
  let grid: Framework;
  let otherGrid: Framework;
  let draftGrid: Framework;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `valuations-${++seq}` });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null) =>
    client.request(pattern as never, body as never, as(actor)) as Promise<T>;

  /** Everything valuations write, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'assessments', (select json_agg(a order by id) from assessments a),
        'criterionAnswers', (select json_agg(c order by assessment_id, criterion_id) from criterion_answers c),
        'indicatorAnswers', (select json_agg(i order by assessment_id, indicator_id) from indicator_answers i),
        'frameworks', (select json_agg(f order by process_id) from process_valuation_frameworks f),
        'authors', (select json_agg(a order by person_id) from authors a)) as state`.execute(evaluations.db);
    return rows[0].state;
  };
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = refusalsAgainst(state);

  const levels = (...values: number[]) =>
    values.map((value) => ({
      value,
      label: { fr: `Niveau ${value}` },
      descriptor: { fr: `Ce que veut dire ${value}` },
    }));

  /**
   * A valuation grid: feasibility (a level scale of 1 to 4), cost (a quantity, lower is better, aimed
   * at 10 000 €), social utility (yes/no, with a narrative). Adopted unless `draft`.
   */
  const buildGrid = async (title: string, draft = false): Promise<Framework> => {
    const framework = await ask<Framework>('evaluations.framework.create', { title: { fr: title } }, admin);
    const frameworkId = framework.id;
    const dimension = (fr: string) =>
      ask<{ id: string }>('evaluations.dimension.create', { frameworkId, title: { fr } }, admin);
    const criterion = (dimensionId: string, fr: string, extra: Record<string, unknown> = {}) =>
      ask<{ id: string }>('evaluations.criterion.create', { frameworkId, dimensionId, title: { fr }, ...extra }, admin);
    const indicator = (criterionId: string, fields: Record<string, unknown>) =>
      ask('evaluations.indicator.create', { frameworkId, criterionId, ...fields }, admin);
    const feasibility = await dimension('Faisabilité');
    const technical = await criterion(feasibility.id, 'Faisabilité technique');
    await indicator(technical.id, {
      kind: 'level_scale',
      title: { fr: 'Maturité du projet' },
      levels: levels(1, 2, 3, 4),
    });
    const cost = await criterion(feasibility.id, 'Coût');
    await indicator(cost.id, {
      kind: 'quantitative',
      title: { fr: 'Coût estimé' },
      unit: { fr: '€' },
      target: 10_000,
      higherIsBetter: false,
    });
    const utility = await dimension('Utilité sociale');
    const need = await criterion(utility.id, 'Réponse à un besoin', { narrativeRequired: true });
    await indicator(need.id, { kind: 'yes_no', title: { fr: 'Répond à un besoin non couvert' } });
    if (!draft) await ask('evaluations.framework.adopt', { id: frameworkId }, admin);
    return ask<Framework>('evaluations.framework.get', { id: frameworkId }, admin);
  };
  const criteria = (framework: Framework) => framework.dimensions.flatMap((d) => d.criteria);
  /** Complete answers to `grid`: maturity 3 of 4, a cost of 12 000 €, a need met. */
  const completeAnswers = () => {
    const [technical, cost, need] = criteria(grid);
    return [
      { criterionId: technical.id, values: [{ indicatorId: technical.indicators[0].id, value: 3 }] },
      { criterionId: cost.id, values: [{ indicatorId: cost.indicators[0].id, value: 12_000 }] },
      {
        criterionId: need.id,
        narrative: 'Aucune navette ne dessert les hameaux le samedi.',
        values: [{ indicatorId: need.indicators[0].id, value: true }],
      },
    ];
  };

  const chooseFramework = (frameworkId: string, actor: Actor | null = organiser) =>
    ask<ValuationFrameworkChoice>('evaluations.valuationFramework.set', { processId: process.id, frameworkId }, actor);
  const start = (actor: Actor | null, proposalId = proposal.id) =>
    ask<StartedFrameworkValuation>('evaluations.valuation.start', { proposalId }, actor);
  const save = (id: string, body: Record<string, unknown>, actor: Actor | null = valerie) =>
    ask<FrameworkValuation>('evaluations.valuation.saveAnswers', { id, ...body }, actor);
  const list = (actor: Actor | null) =>
    ask<{ data: FrameworkValuation[] }>('evaluations.valuation.list', { proposalId: proposal.id }, actor);

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('valuations');
    ({ evaluations, client } = evaluationsRun);
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    organiser = await signIn('organiser', 'Odile Marchetti');
    valerie = await signIn('valerie', 'Valérie Castagné');
    bernard = await signIn('bernard', 'Bernard Aubrac');
    victor = await signIn('victor', 'Victor Sauveterre');
    paula = await signIn('paula', 'Paula Ferrandou');
    process = await client.request(
      'processes.process.create',
      {
        title: { fr: 'Budget participatif des Causses' },
        description: { fr: 'Des projets pour nos villages.' },
        status: 'published',
      },
      as(admin),
    );
    await openPhase(client, admin, process.id, { proposals: { creationEnabled: true } });
    const role = (personId: string, role: string) =>
      client.request('processes.role.assign', { processId: process.id, personId, role } as never, as(admin));
    await role(organiser.personId, 'admin');
    for (const valuator of [valerie, bernard, victor]) await role(valuator.personId, 'valuator');
    proposal = await client.request(
      'proposals.proposal.create',
      {
        processId: process.id,
        title: 'Une navette vers le marché du samedi',
        body: 'Relier les hameaux au marché de Millau chaque samedi matin.',
      },
      as(paula),
    );
    for (const valuator of [valerie, bernard]) {
      await client.request(
        'proposals.valuator.assign',
        { proposalId: proposal.id, personId: valuator.personId },
        as(organiser),
      );
    }
    grid = await buildGrid('Grille de valorisation des projets');
    otherGrid = await buildGrid('Grille de valorisation allégée');
    draftGrid = await buildGrid('Grille en chantier', true);
  });

  afterAll(() => evaluationsRun?.stop());

  describe('the framework of a process', () => {
    it('is none at first, for anyone who sees the process', async () => {
      expect(
        await ask<ProcessValuationFramework>('evaluations.valuationFramework.get', { processId: process.id }, null),
      ).toEqual({ processId: process.id, framework: null, chosenBy: null, chosenAt: null });
    });

    it('refuses to start a valuation while the process has none, changing nothing', async () => {
      const none = await refused(() => start(valerie));
      expect(none.code).toBe('valuation_framework_missing');
      expect(none.message).toBe(
        'This process has no valuation framework yet: its admins choose one before proposals are valued.',
      );
      expect(none.details).toEqual({ processId: process.id });
    });

    it('is chosen by the process’s admins only, among adopted versions, changing nothing otherwise', async () => {
      for (const actor of [valerie, paula]) {
        expect((await refused(() => chooseFramework(grid.id, actor))).code).toBe('role_required');
      }
      expect((await refused(() => chooseFramework(grid.id, null))).code).toBe('unauthenticated');
      const draft = await refused(() => chooseFramework(draftGrid.id));
      expect(draft.code).toBe('validation_failed');
      expect(draft.errors).toEqual([
        {
          path: 'frameworkId',
          message: 'Version 1 of this framework is a draft: valuators use adopted versions only.',
        },
      ]);
      const unknown = await refused(() => chooseFramework(randomUUID()));
      expect(unknown.errors).toEqual([{ path: 'frameworkId', message: 'No such framework.' }]);
      const noProcess = await refused(() =>
        ask('evaluations.valuationFramework.set', { processId: randomUUID(), frameworkId: grid.id }, admin),
      );
      expect(noProcess.code).toBe('not_found');
    });

    it('is shown with its tree once chosen; another one drops the drafts begun before any submission', async () => {
      const chosen = await chooseFramework(otherGrid.id);
      expect(chosen).toMatchObject({
        processId: process.id,
        framework: { id: otherGrid.id, status: 'adopted' },
        chosenBy: organiser.personId,
        discardedDrafts: 0,
      });
      const begun = await start(bernard);
      expect(begun.valuation.frameworkId).toBe(otherGrid.id);

      const replaced = await ask<ValuationFrameworkChoice>(
        'evaluations.valuationFramework.set',
        { processId: process.id, frameworkId: grid.id },
        admin,
      );
      expect(replaced).toMatchObject({ framework: { id: grid.id }, chosenBy: admin.personId, discardedDrafts: 1 });
      expect(
        await ask('evaluations.valuation.get', { id: begun.valuation.id }, bernard).catch((e: Refusal) => e.code),
      ).toBe('not_found');
      const again = await chooseFramework(grid.id);
      expect(again).toMatchObject({ chosenBy: admin.personId, discardedDrafts: 0 });

      const shown = await ask<ProcessValuationFramework>(
        'evaluations.valuationFramework.get',
        { processId: process.id },
        paula,
      );
      expect(shown.framework?.dimensions.map((d) => d.title.fr)).toEqual(['Faisabilité', 'Utilité sociale']);
      expect(criteria(shown.framework!).map((c) => c.id)).toEqual(criteria(grid).map((c) => c.id));
    });
  });

  describe('valuing a proposal', () => {
    let valuation: FrameworkValuation;

    it('starts the draft of a valuator assigned to the proposal, once', async () => {
      const started = await start(valerie);
      expect(started.created).toBe(true);
      valuation = started.valuation;
      expect(valuation).toMatchObject({
        kind: 'valuation',
        frameworkId: grid.id,
        proposalId: proposal.id,
        processId: process.id,
        campaignId: null,
        subjectId: null,
        authorId: valerie.personId,
        authorName: 'Valérie Castagné',
        status: 'draft',
        recommendations: null,
        answers: [],
        submittedAt: null,
      });
      expect(valuation.scores).toEqual(criteria(grid).map((c) => ({ criterionId: c.id, score: null })));
      const again = await start(valerie);
      expect(again).toEqual({ valuation, created: false });
    });

    it('refuses valuators not assigned to it, participants, the process’s admins and anonymous callers', async () => {
      expect((await refused(() => start(victor))).code).toBe('forbidden');
      expect((await refused(() => start(paula))).code).toBe('role_required');
      const byAdmin = await refused(() => start(organiser));
      expect(byAdmin).toMatchObject({
        code: 'forbidden',
        message: 'This proposal is not assigned to you: valuators value the proposals assigned to them only.',
      });
      expect((await refused(() => start(null))).code).toBe('unauthenticated');
      expect((await refused(() => start(valerie, randomUUID()))).code).toBe('not_found');
    });

    it('refuses to start valuing a withdrawn proposal', async () => {
      const withdrawn = await client.request(
        'proposals.proposal.create',
        { processId: process.id, title: 'Un four à pain communal', body: 'Au lavoir, pour tous les hameaux.' },
        as(paula),
      );
      await client.request(
        'proposals.valuator.assign',
        { proposalId: withdrawn.id, personId: valerie.personId },
        as(organiser),
      );
      await client.request('proposals.proposal.withdraw', { id: withdrawn.id }, as(paula));
      expect((await refused(() => start(valerie, withdrawn.id))).code).toBe('proposal_withdrawn');
    });

    it('refuses answers that do not fit the framework, naming each, and saves nothing', async () => {
      const [technical, cost] = criteria(grid);
      const outOfScale = await refused(() =>
        save(valuation.id, {
          answers: [{ criterionId: technical.id, values: [{ indicatorId: technical.indicators[0].id, value: 7 }] }],
        }),
      );
      expect(outOfScale.code).toBe('validation_failed');
      expect(outOfScale.errors).toEqual([
        {
          path: 'answers.0.values.0.value',
          message:
            '7 is not a level of "Maturité du projet": give one of 1 (Niveau 1), 2 (Niveau 2), 3 (Niveau 3), 4 (Niveau 4).',
        },
      ]);
      const elsewhere = criteria(otherGrid)[0];
      const notInVersion = await refused(() =>
        save(valuation.id, {
          answers: [
            { criterionId: cost.id, values: [{ indicatorId: cost.indicators[0].id, value: 9_000 }] },
            { criterionId: elsewhere.id, narrative: 'Hors grille.' },
          ],
        }),
      );
      expect(notInVersion.errors).toEqual([
        { path: 'answers.1.criterionId', message: `Criterion ${elsewhere.id} is not in version 1 of this framework.` },
      ]);
      const malformed = await refused(() => save(valuation.id, { answers: [] }));
      expect(malformed.code).toBe('validation_failed');
      expect(malformed.errors?.map((e) => e.path)).toEqual(['answers']);
    });

    it('is written by its valuator only', async () => {
      const answers = completeAnswers();
      expect((await refused(() => save(valuation.id, { answers }, organiser))).code).toBe('forbidden');
      expect((await refused(() => save(valuation.id, { answers }, bernard))).code).toBe('not_found');
      expect((await refused(() => save(valuation.id, { answers }, paula))).code).toBe('not_found');
      expect((await refused(() => save(randomUUID(), { answers }))).code).toBe('not_found');
    });

    it('saves answers and a summary, scored per criterion', async () => {
      const [technical, cost] = completeAnswers();
      const saved = await save(valuation.id, {
        answers: [technical, cost],
        recommendations: 'Projet solide, à chiffrer plus finement.',
      });
      expect(saved.recommendations).toBe('Projet solide, à chiffrer plus finement.');
      expect(saved.answers).toEqual([
        { criterionId: technical.criterionId, narrative: null, evidence: [], values: technical.values },
        { criterionId: cost.criterionId, narrative: null, evidence: [], values: cost.values },
      ]);
      // Level 3 on a scale of 1 to 4; 12 000 € where 10 000 € is aimed at, lower being better.
      expect(saved.scores.map((s) => s.score)).toEqual([66.7, 80, null]);
    });

    it('is submitted complete only, then frozen', async () => {
      const [, , need] = criteria(grid);
      const incomplete = await refused(() => ask('evaluations.valuation.submit', { id: valuation.id }, valerie));
      expect(incomplete.code).toBe('assessment_incomplete');
      expect(incomplete.details).toEqual({
        missing: [{ criterionId: need.id, missing: ['narrative', `indicator:${need.indicators[0].id}`] }],
      });
      await save(valuation.id, { answers: completeAnswers() });
      expect((await refused(() => ask('evaluations.valuation.submit', { id: valuation.id }, bernard))).code).toBe(
        'not_found',
      );
      const submitted = await ask<FrameworkValuation>('evaluations.valuation.submit', { id: valuation.id }, valerie);
      expect(submitted).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
      expect(submitted.scores.map((s) => s.score)).toEqual([66.7, 80, 100]);
      // Announced as any submitted assessment, in the same transaction.
      const { rows: announced } = await sql<{ data: unknown }>`select envelope->'data' as data from outbox
        where type = 'evaluations.assessment.submitted' and envelope->'data'->>'assessmentId' = ${valuation.id}`.execute(
        evaluations.db,
      );
      expect(announced.map((r) => r.data)).toEqual([
        { assessmentId: valuation.id, campaignId: null, subjectId: null, kind: 'valuation' },
      ]);

      const edit = await refused(() => save(valuation.id, { answers: completeAnswers(), recommendations: null }));
      expect(edit).toMatchObject({ code: 'assessment_submitted', details: { assessmentId: valuation.id } });
      expect((await refused(() => ask('evaluations.valuation.submit', { id: valuation.id }, valerie))).code).toBe(
        'assessment_submitted',
      );
      valuation = submitted;
    });

    it('keeps the framework once a valuation is submitted', async () => {
      const kept = await refused(() => chooseFramework(otherGrid.id));
      expect(kept).toMatchObject({ code: 'conflict', details: { submittedValuations: 1 } });
      expect((await chooseFramework(grid.id)).discardedDrafts).toBe(0);
    });

    describe('reading', () => {
      let bernards: FrameworkValuation;

      beforeAll(async () => {
        bernards = (await start(bernard)).valuation;
      });

      it('shows the process’s admins every valuator’s valuation, with names and scores', async () => {
        for (const reader of [organiser, admin]) {
          const { data } = await list(reader);
          expect(data.map((v) => [v.authorName, v.status])).toEqual([
            ['Valérie Castagné', 'submitted'],
            ['Bernard Aubrac', 'draft'],
          ]);
          expect(data[0]).toEqual(valuation);
          expect(await ask('evaluations.valuation.get', { id: bernards.id }, reader)).toEqual(bernards);
        }
      });

      it('shows a valuator their own only, and nobody else any', async () => {
        expect((await list(valerie)).data).toEqual([valuation]);
        expect((await list(bernard)).data).toEqual([bernards]);
        expect((await list(victor)).data).toEqual([]);
        expect(await ask('evaluations.valuation.get', { id: valuation.id }, valerie)).toEqual(valuation);
        const others = await refused(() => ask('evaluations.valuation.get', { id: valuation.id }, bernard));
        expect(others).toMatchObject({ code: 'not_found', message: 'No such valuation.' });

        expect((await refused(() => list(paula))).code).toBe('role_required');
        expect((await refused(() => list(null))).code).toBe('unauthenticated');
        expect((await refused(() => ask('evaluations.valuation.get', { id: valuation.id }, paula))).code).toBe(
          'not_found',
        );
      });

      it('lets a valuator taken off the proposal read their valuation, not write it', async () => {
        await client.request(
          'proposals.valuator.unassign',
          { proposalId: proposal.id, personId: bernard.personId },
          as(organiser),
        );
        expect((await list(bernard)).data).toEqual([bernards]);
        const [technical] = completeAnswers();
        const taken = await refused(() => save(bernards.id, { answers: [technical] }, bernard));
        expect(taken.code).toBe('forbidden');
      });
    });
  });
});
