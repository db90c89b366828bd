// Frameworks (référentiels) in the evaluations service, with members, processes and proposals as
// their own processes, in one isolated run against real Postgres and NATS.
import type {
  Actor,
  Criterion,
  Dimension,
  EventEnvelope,
  Framework,
  Indicator,
  Process,
  Proposal,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, registerPerson } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { openPhase, startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';
import { refusalsAgainst } from './support/refusals';

jest.setTimeout(30_000);

describe('frameworks', () => {
  let evaluationsRun: EvaluationsRun;
  let evaluations: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let process: Process;
  let otherProcess: Process;
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `frameworks-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null) =>
    client.request(pattern as never, body as never, as(actor)) as Promise<T>;

  /** Everything evaluations holds, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'frameworks', (select json_agg(f order by id) from frameworks f),
        'dimensions', (select json_agg(d order by id) from dimensions d),
        'criteria', (select json_agg(c order by id) from criteria c),
        'indicators', (select json_agg(i order by id) from indicators i),
        'editors', (select json_agg(e order by lineage_id, person_id) from framework_editors e),
        'outbox', (select count(*) from outbox)) as state`.execute(evaluations.db);
    return rows[0].state;
  };
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = refusalsAgainst(state);
  const eventsOf = async (type: string, frameworkId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'frameworkId' = ${frameworkId}`.execute(evaluations.db);
    return rows.map((r) => r.envelope);
  };

  const createFramework = (fields: Record<string, unknown> = {}) =>
    ask<Framework>('evaluations.framework.create', { title: { fr: 'Grille d’utilité sociale' }, ...fields }, admin);
  const addDimension = (frameworkId: string, fr: string, actor = alice) =>
    ask<Dimension>('evaluations.dimension.create', { frameworkId, title: { fr } }, actor);
  const addCriterion = (frameworkId: string, dimensionId: string, fr: string, extra: Record<string, unknown> = {}) =>
    ask<Criterion>('evaluations.criterion.create', { frameworkId, dimensionId, title: { fr }, ...extra }, alice);
  const addIndicator = (frameworkId: string, criterionId: string, fields: Record<string, unknown>) =>
    ask<Indicator>('evaluations.indicator.create', { frameworkId, criterionId, ...fields }, alice);
  const get = (id: string, actor: Actor | null = alice) => ask<Framework>('evaluations.framework.get', { id }, actor);
  const levels = (...values: number[]) =>
    values.map((value) => ({
      value,
      label: { fr: `Niveau ${value}` },
      descriptor: { fr: `Ce que veut dire ${value}` },
    }));

  /** A complete draft of one dimension, one criterion, one yes/no indicator, in the process. */
  const completeDraft = async () => {
    const framework = await createFramework({ processId: process.id });
    await ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: alice.personId }, admin);
    const dimension = await addDimension(framework.id, 'Coopération');
    const criterion = await addCriterion(framework.id, dimension.id, 'Mutualisation de moyens');
    await addIndicator(framework.id, criterion.id, { kind: 'yes_no', title: { fr: 'Des locaux sont partagés' } });
    return { framework, dimension, criterion };
  };

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('evaluations');
    ({ evaluations, client } = evaluationsRun);
    const signIn = (username: string, displayName: string, roles = ['participant'], locale: 'fr' | 'en' = 'fr') =>
      registerPerson(client, as(null), displayName, { username, roles, locale });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    alice = await signIn('alice', 'Alice Vernadet');
    bob = await signIn('bob', 'Bob Lestrade', ['participant'], 'en');
    const description = { fr: 'Définir ensemble nos critères.' };
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Évaluer notre utilité sociale' }, description, status: 'published' },
      as(admin),
    );
    otherProcess = await client.request(
      'processes.process.create',
      { title: { fr: 'Mobilités du Larzac' }, description, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id, { proposals: { creationEnabled: true } });
    await openPhase(client, admin, otherProcess.id, { proposals: { creationEnabled: true } });
  });

  afterAll(() => evaluationsRun?.stop());

  describe('creating', () => {
    it('lets platform admins create version 1 of a new lineage, a draft attached to a process', async () => {
      const framework = await createFramework({
        title: { fr: 'Grille d’utilité sociale', en: 'Social utility grid' },
        description: { fr: 'Compter et conter.' },
        processId: process.id,
      });
      expect(framework).toMatchObject({
        version: 1,
        status: 'draft',
        title: { fr: 'Grille d’utilité sociale', en: 'Social utility grid' },
        description: { fr: 'Compter et conter.' },
        processId: process.id,
        basedOnId: null,
        createdBy: admin.personId,
        adoptedAt: null,
        adoptedBy: null,
        dimensions: [],
        dimensionsCount: 0,
      });
      expect(framework.lineageId).not.toBe(framework.id);
    });

    it('answers a retry with the same Idempotency-Key with the first framework', async () => {
      const key = `create-${randomUUID()}`;
      const body = { title: { fr: 'Grille rejouée' } };
      const first = await client.request('evaluations.framework.create', body, as(admin, key));
      const again = await client.request('evaluations.framework.create', body, as(admin, key));
      expect(again.id).toBe(first.id);
    });

    it('refuses participants, an unknown process, and a title without French, changing nothing', async () => {
      expect((await refused(() => ask('evaluations.framework.create', { title: { fr: 'Grille' } }, alice))).code).toBe(
        'forbidden',
      );
      expect((await refused(() => ask('evaluations.framework.create', { title: { fr: 'Grille' } }, null))).code).toBe(
        'unauthenticated',
      );
      const unknownProcess = await refused(() => createFramework({ processId: randomUUID() }));
      expect(unknownProcess.code).toBe('validation_failed');
      expect(unknownProcess.errors).toEqual([{ path: 'processId', message: 'No such process.' }]);
      const noFrench = await refused(() => createFramework({ title: { en: 'Grid' } }));
      expect(noFrench.code).toBe('validation_failed');
      expect(noFrench.errors?.map((e) => e.path)).toEqual(['title.fr']);
    });
  });

  describe('editors', () => {
    it('are named by platform admins per lineage, once, and must exist', async () => {
      const framework = await createFramework();
      const named = await ask(
        'evaluations.frameworkEditor.add',
        { frameworkId: framework.id, personId: alice.personId },
        admin,
      );
      expect(named).toMatchObject({
        lineageId: framework.lineageId,
        personId: alice.personId,
        addedBy: admin.personId,
      });
      const again = await ask(
        'evaluations.frameworkEditor.add',
        { frameworkId: framework.id, personId: alice.personId },
        admin,
      );
      expect(again).toEqual(named);
      const list = await ask<{ data: unknown[] }>(
        'evaluations.frameworkEditor.list',
        { frameworkId: framework.id },
        alice,
      );
      expect(list.data).toEqual([named]);

      const unknown = await refused(() =>
        ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: randomUUID() }, admin),
      );
      expect(unknown.errors).toEqual([{ path: 'personId', message: 'No such person.' }]);
      const byEditor = await refused(() =>
        ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: bob.personId }, alice),
      );
      expect(byEditor.code).toBe('forbidden');
      // A draft does not exist for someone who does not edit it.
      expect(
        (await refused(() => ask('evaluations.frameworkEditor.list', { frameworkId: framework.id }, bob))).code,
      ).toBe('not_found');

      expect(
        await ask('evaluations.frameworkEditor.remove', { frameworkId: framework.id, personId: alice.personId }, admin),
      ).toEqual({ removed: true });
      expect(
        await ask('evaluations.frameworkEditor.remove', { frameworkId: framework.id, personId: alice.personId }, admin),
      ).toEqual({ removed: false });
    });

    it('are named by nickname too, whatever its case; a nickname of nobody names no one', async () => {
      const framework = await createFramework();
      const add = (body: Record<string, unknown>) =>
        ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, ...body }, admin);
      expect(await add({ nickname: 'Bob' })).toMatchObject({ lineageId: framework.lineageId, personId: bob.personId });
      const unknown = await refused(() => add({ nickname: 'personne-inconnue' }));
      expect(unknown).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'nickname', message: 'No such person.' }],
      });
      const oneOfThem = [{ path: 'nickname', message: 'give either a nickname or a personId' }];
      expect((await refused(() => add({ nickname: 'alice', personId: alice.personId }))).errors).toEqual(oneOfThem);
      expect((await refused(() => add({}))).errors).toEqual(oneOfThem);
    });

    it('see their drafts, which nobody else sees', async () => {
      const framework = await createFramework({ title: { fr: 'Grille confidentielle des Cévennes' } });
      await ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: alice.personId }, admin);
      expect((await get(framework.id, alice)).id).toBe(framework.id);
      expect((await get(framework.id, admin)).id).toBe(framework.id);
      expect((await refused(() => get(framework.id, bob))).code).toBe('not_found');
      expect((await refused(() => get(framework.id, null))).code).toBe('not_found');
      const listed = (actor: Actor | null) =>
        ask<{ data: { id: string }[] }>('evaluations.framework.list', { q: 'cevennes' }, actor).then((page) =>
          page.data.map((f) => f.id),
        );
      expect(await listed(alice)).toEqual([framework.id]);
      expect(await listed(admin)).toEqual([framework.id]);
      expect(await listed(bob)).toEqual([]);
      expect(await listed(null)).toEqual([]);
    });
  });

  describe('the tree', () => {
    let framework: Framework;
    let dimensions: Dimension[];

    beforeAll(async () => {
      framework = await createFramework({ processId: process.id });
      await ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: alice.personId }, admin);
      dimensions = [];
      for (const fr of ['Utilité sociale', 'Ancrage territorial', 'Gouvernance démocratique']) {
        dimensions.push(await addDimension(framework.id, fr));
      }
    });

    it('puts each new dimension, criterion and indicator after its siblings, each kind with its fields', async () => {
      expect(dimensions.map((d) => d.position)).toEqual([1, 2, 3]);
      const criterion = await addCriterion(framework.id, dimensions[1].id, 'Partenariats locaux', {
        narrativeRequired: true,
        evidenceAllowed: true,
      });
      expect(criterion).toMatchObject({ position: 1, narrativeRequired: true, evidenceAllowed: true, origin: null });
      const jobs = await addIndicator(framework.id, criterion.id, {
        kind: 'quantitative',
        title: { fr: 'Emplois créés', en: 'Jobs created' },
        unit: { fr: 'emplois', en: 'jobs' },
        target: 3,
      });
      expect(jobs).toMatchObject({ position: 1, kind: 'quantitative', higherIsBetter: true, target: 3, levels: [] });
      const scale = await addIndicator(framework.id, criterion.id, {
        kind: 'level_scale',
        title: { fr: 'Coopération avec les acteurs du territoire' },
        levels: levels(1, 2, 3, 4),
      });
      expect(scale).toMatchObject({ position: 2, unit: null, higherIsBetter: null, target: null });
      expect(scale.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
      const yesNo = await addIndicator(framework.id, criterion.id, { kind: 'yes_no', title: { fr: 'Charte signée' } });
      const story = await addIndicator(framework.id, criterion.id, { kind: 'narrative', title: { fr: 'Récit' } });
      expect([yesNo.position, story.position]).toEqual([3, 4]);

      const tree = await get(framework.id);
      expect(tree.dimensions.map((d) => d.title.fr)).toEqual([
        'Utilité sociale',
        'Ancrage territorial',
        'Gouvernance démocratique',
      ]);
      expect(tree.dimensions[1].criteria[0].indicators.map((i) => i.kind)).toEqual([
        'quantitative',
        'level_scale',
        'yes_no',
        'narrative',
      ]);
      expect(tree).toMatchObject({ dimensionsCount: 3, criteriaCount: 1, indicatorsCount: 4 });
    });

    it('refuses a level scale of one level, levels out of order, an unknown kind, a field of another kind', async () => {
      const criterion = await addCriterion(framework.id, dimensions[0].id, 'Accessibilité des activités');
      const oneLevel = await refused(() =>
        addIndicator(framework.id, criterion.id, { kind: 'level_scale', title: { fr: 'Seul' }, levels: levels(1) }),
      );
      expect(oneLevel.code).toBe('validation_failed');
      expect(oneLevel.errors).toEqual([{ path: 'levels', message: 'a level scale has at least 2 levels' }]);
      const outOfOrder = await refused(() =>
        addIndicator(framework.id, criterion.id, {
          kind: 'level_scale',
          title: { fr: 'Désordre' },
          levels: levels(2, 1),
        }),
      );
      expect(outOfOrder.errors?.map((e) => e.path)).toEqual(['levels.1.value']);
      const unknownKind = await refused(() =>
        addIndicator(framework.id, criterion.id, { kind: 'stars', title: { fr: 'Étoiles' } }),
      );
      expect(unknownKind.code).toBe('validation_failed');
      expect(unknownKind.errors).toEqual([
        { path: 'kind', message: 'kind must be one of quantitative, level_scale, yes_no, narrative' },
      ]);
      const levelsOnANumber = await refused(() =>
        addIndicator(framework.id, criterion.id, {
          kind: 'quantitative',
          title: { fr: 'Nombre' },
          levels: levels(1, 2),
        }),
      );
      expect(levelsOnANumber.code).toBe('validation_failed');
      const elsewhere = await refused(() =>
        addIndicator(framework.id, randomUUID(), { kind: 'yes_no', title: { fr: 'Perdu' } }),
      );
      expect(elsewhere.errors).toEqual([{ path: 'criterionId', message: 'No such criterion in this framework.' }]);
    });

    it('changes an indicator’s kind, dropping the old kind’s fields, and checks the result whole', async () => {
      const criterion = await addCriterion(framework.id, dimensions[2].id, 'Participation des bénévoles');
      const indicator = await addIndicator(framework.id, criterion.id, {
        kind: 'quantitative',
        title: { fr: 'Bénévoles actifs' },
        unit: { fr: 'personnes' },
      });
      const changed = await ask<Indicator>(
        'evaluations.indicator.update',
        { frameworkId: framework.id, indicatorId: indicator.id, kind: 'level_scale', levels: levels(0, 1, 2) },
        alice,
      );
      expect(changed).toMatchObject({
        kind: 'level_scale',
        unit: null,
        higherIsBetter: null,
        title: { fr: 'Bénévoles actifs' },
      });
      const oneLevel = await refused(() =>
        ask(
          'evaluations.indicator.update',
          { frameworkId: framework.id, indicatorId: indicator.id, levels: levels(1) },
          alice,
        ),
      );
      expect(oneLevel.errors?.map((e) => e.path)).toEqual(['levels']);
      const unitOnAScale = await refused(() =>
        ask(
          'evaluations.indicator.update',
          { frameworkId: framework.id, indicatorId: indicator.id, unit: { fr: '€' } },
          alice,
        ),
      );
      expect(unitOnAScale.errors).toEqual([{ path: 'unit', message: 'A level_scale indicator has no unit.' }]);
    });

    it('reorders siblings with a permutation of them, and refuses anything else, changing nothing', async () => {
      const [a, b, c] = dimensions.map((d) => d.id);
      const reordered = await ask<Framework>(
        'evaluations.dimension.reorder',
        { frameworkId: framework.id, order: [c, a, b] },
        alice,
      );
      expect(reordered.dimensions.map((d) => [d.id, d.position])).toEqual([
        [c, 1],
        [a, 2],
        [b, 3],
      ]);
      const missing = await refused(() =>
        ask('evaluations.dimension.reorder', { frameworkId: framework.id, order: [a, b] }, alice),
      );
      expect(missing.code).toBe('validation_failed');
      expect(missing.errors?.[0].path).toBe('order');
      const twice = await refused(() =>
        ask('evaluations.dimension.reorder', { frameworkId: framework.id, order: [a, a, b, c] }, alice),
      );
      expect(twice.errors).toEqual([{ path: 'order.1', message: `${a} is listed twice.` }]);
      const stranger = await refused(() =>
        ask('evaluations.dimension.reorder', { frameworkId: framework.id, order: [a, b, randomUUID()] }, alice),
      );
      expect(stranger.errors?.map((e) => e.path)).toEqual(['order.2', 'order']);

      const criterion = (await get(framework.id)).dimensions.find((d) => d.id === b)!.criteria[0];
      const indicatorIds = criterion.indicators.map((i) => i.id);
      const reversed = await ask<Framework>(
        'evaluations.indicator.reorder',
        { frameworkId: framework.id, criterionId: criterion.id, order: [...indicatorIds].reverse() },
        alice,
      );
      const after = reversed.dimensions.find((d) => d.id === b)!.criteria[0].indicators;
      expect(after.map((i) => i.id)).toEqual([...indicatorIds].reverse());
      expect(after.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    });

    it('moves a criterion to another dimension and closes the gaps deletions leave', async () => {
      const target = dimensions[0];
      const first = await addCriterion(framework.id, dimensions[2].id, 'Assemblées ouvertes');
      const second = await addCriterion(framework.id, dimensions[2].id, 'Décisions partagées');
      const moved = await ask<Criterion>(
        'evaluations.criterion.update',
        { frameworkId: framework.id, criterionId: first.id, dimensionId: target.id },
        alice,
      );
      expect(moved.dimensionId).toBe(target.id);
      let tree = await get(framework.id);
      const positions = (dimensionId: string) =>
        tree.dimensions.find((d) => d.id === dimensionId)!.criteria.map((c) => [c.title.fr, c.position]);
      expect(positions(target.id).at(-1)).toEqual(['Assemblées ouvertes', positions(target.id).length]);
      expect(positions(dimensions[2].id)).toEqual([
        ['Participation des bénévoles', 1],
        ['Décisions partagées', 2],
      ]);
      tree = await ask<Framework>(
        'evaluations.criterion.delete',
        { frameworkId: framework.id, criterionId: moved.id },
        alice,
      );
      expect(positions(target.id).map(([, position]) => position)).toEqual(positions(target.id).map((_, i) => i + 1));
      expect(second.position).toBe(3);
    });

    it('refuses writes from anybody but its editors and platform admins, changing nothing', async () => {
      const byBob = await refused(() => addDimension(framework.id, 'Écologie', bob));
      expect(byBob.code).toBe('forbidden');
      const anonymous = await refused(() => addDimension(framework.id, 'Écologie', null as unknown as Actor));
      expect(anonymous.code).toBe('unauthenticated');
      const retitle = await refused(() =>
        ask('evaluations.framework.update', { id: framework.id, title: { fr: 'Autre grille' } }, bob),
      );
      expect(retitle.code).toBe('forbidden');
      const adopt = await refused(() => ask('evaluations.framework.adopt', { id: framework.id }, bob));
      expect(adopt.code).toBe('forbidden');
      expect((await addDimension(framework.id, 'Écologie', admin)).position).toBe(4);
    });
  });

  describe('adopting', () => {
    it('refuses an incomplete framework with everything missing, changing nothing', async () => {
      const framework = await createFramework();
      await ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: alice.personId }, admin);
      const empty = await refused(() => ask('evaluations.framework.adopt', { id: framework.id }, alice));
      expect(empty.code).toBe('framework_incomplete');
      expect(empty.details?.missing).toEqual([{ message: 'The framework has no dimension.' }]);

      const ecology = await addDimension(framework.id, 'Écologie');
      const cooperation = await addDimension(framework.id, 'Coopération');
      const criterion = await addCriterion(framework.id, cooperation.id, 'Mutualisation');
      const scale = await addIndicator(framework.id, criterion.id, { kind: 'level_scale', title: { fr: 'Degré' } });
      const incomplete = await refused(() => ask('evaluations.framework.adopt', { id: framework.id }, alice));
      expect(incomplete.code).toBe('framework_incomplete');
      expect(incomplete.details?.missing).toEqual([
        { dimensionId: ecology.id, message: 'Dimension “Écologie” has no criterion.' },
        {
          dimensionId: cooperation.id,
          criterionId: criterion.id,
          indicatorId: scale.id,
          message: 'Indicator “Degré” is a level scale without levels.',
        },
      ]);
      expect((await get(framework.id)).status).toBe('draft');
    });

    it('freezes a complete draft under its version number and announces it', async () => {
      const { framework } = await completeDraft();
      const adopted = await ask<Framework>('evaluations.framework.adopt', { id: framework.id }, alice);
      expect(adopted).toMatchObject({ status: 'adopted', version: 1, adoptedBy: alice.personId });
      expect(Date.parse(adopted.adoptedAt!)).not.toBeNaN();
      const [event] = await eventsOf('evaluations.framework.adopted', framework.id);
      expect(event).toMatchObject({
        type: 'evaluations.framework.adopted',
        actor: { personId: alice.personId },
        data: { frameworkId: framework.id, lineageId: framework.lineageId, version: 1, processId: process.id },
      });
      // Adopted versions are public.
      expect((await get(framework.id, bob)).status).toBe('adopted');
      expect((await get(framework.id, null)).status).toBe('adopted');
    });

    it('never changes an adopted version, through any write, nor even by hand in the database', async () => {
      const { framework, dimension, criterion } = await completeDraft();
      await ask('evaluations.framework.adopt', { id: framework.id }, alice);
      const indicator = (await get(framework.id)).dimensions[0].criteria[0].indicators[0];
      const writes: [string, Record<string, unknown>][] = [
        ['evaluations.framework.update', { id: framework.id, title: { fr: 'Retouchée' } }],
        ['evaluations.framework.adopt', { id: framework.id }],
        ['evaluations.dimension.create', { frameworkId: framework.id, title: { fr: 'Écologie' } }],
        ['evaluations.dimension.update', { frameworkId: framework.id, dimensionId: dimension.id, title: { fr: 'X' } }],
        ['evaluations.dimension.delete', { frameworkId: framework.id, dimensionId: dimension.id }],
        ['evaluations.dimension.reorder', { frameworkId: framework.id, order: [dimension.id] }],
        [
          'evaluations.criterion.update',
          { frameworkId: framework.id, criterionId: criterion.id, evidenceAllowed: true },
        ],
        ['evaluations.indicator.update', { frameworkId: framework.id, indicatorId: indicator.id, kind: 'narrative' }],
        ['evaluations.indicator.delete', { frameworkId: framework.id, indicatorId: indicator.id }],
      ];
      for (const [pattern, body] of writes) {
        const error = await refused(() => ask(pattern, body, alice));
        expect([pattern, error.code]).toEqual([pattern, 'framework_adopted']);
      }
      await expect(
        sql`update criteria set title = '{"fr":"En douce"}' where id = ${criterion.id}`.execute(evaluations.db),
      ).rejects.toThrow(/adopted/);
      await expect(
        sql`update frameworks set title = '{"fr":"En douce"}' where id = ${framework.id}`.execute(evaluations.db),
      ).rejects.toThrow(/adopted/);
    });
  });

  describe('versions', () => {
    it('start as a copy of an adopted version, one draft per lineage at a time', async () => {
      const { framework } = await completeDraft();
      const first = await ask<Framework>('evaluations.framework.adopt', { id: framework.id }, alice);
      const next = await ask<Framework>('evaluations.framework.startVersion', { id: first.id }, alice);
      expect(next).toMatchObject({
        lineageId: first.lineageId,
        version: 2,
        status: 'draft',
        basedOnId: first.id,
        title: first.title,
        processId: process.id,
        createdBy: alice.personId,
      });
      // The same tree under new ids, with the same stable ids: results compare across versions.
      const shape = (f: Framework) =>
        f.dimensions.map((d) => [
          d.stableId,
          d.criteria.map((c) => [c.stableId, c.indicators.map((i) => [i.stableId, i.kind])]),
        ]);
      expect(shape(next)).toEqual(shape(first));
      expect(next.dimensions[0].id).not.toBe(first.dimensions[0].id);

      const twice = await refused(() => ask('evaluations.framework.startVersion', { id: first.id }, alice));
      expect(twice.code).toBe('conflict');
      expect(twice.details).toEqual({ draftId: next.id });
      const fromDraft = await refused(() => ask('evaluations.framework.startVersion', { id: next.id }, alice));
      expect(fromDraft.code).toBe('conflict');
      expect((await refused(() => ask('evaluations.framework.startVersion', { id: first.id }, bob))).code).toBe(
        'forbidden',
      );

      // Editing the new draft leaves the adopted version as it was.
      await addDimension(next.id, 'Écologie');
      expect((await get(first.id)).dimensions).toEqual(first.dimensions);
      expect((await refused(() => ask('evaluations.framework.adopt', { id: next.id }, alice))).code).toBe(
        'framework_incomplete',
      );

      const lineage = (actor: Actor | null) =>
        ask<{ data: Framework[]; meta: { total: number } }>('evaluations.framework.versions', { id: first.id }, actor);
      expect((await lineage(alice)).data.map((f) => [f.version, f.status])).toEqual([
        [2, 'draft'],
        [1, 'adopted'],
      ]);
      expect((await lineage(bob)).data.map((f) => f.version)).toEqual([1]);
      expect((await lineage(null)).meta.total).toBe(1);
    });

    it('lists versions by status and process', async () => {
      const adoptedHere = await ask<{ data: Framework[] }>(
        'evaluations.framework.list',
        { status: 'adopted', processId: process.id, perPage: 100 },
        null,
      );
      expect(adoptedHere.data.length).toBeGreaterThan(0);
      expect(adoptedHere.data.every((f) => f.status === 'adopted' && f.processId === process.id)).toBe(true);
    });
  });

  describe('co-construction', () => {
    let framework: Framework;
    let dimension: Dimension;
    let proposal: Proposal;

    beforeAll(async () => {
      framework = await createFramework({ processId: process.id });
      await ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: alice.personId }, admin);
      dimension = await addDimension(framework.id, 'Utilité sociale');
      proposal = await client.request(
        'proposals.proposal.create',
        {
          processId: process.id,
          title: 'Measure how many people find work again',
          body: 'Count the people who find a job after a year with us.',
          locale: 'en',
        },
        as(bob),
      );
    });

    it('adopts a participant’s proposal as a criterion, keeping the link and its title', async () => {
      const criterion = await ask<Criterion>(
        'evaluations.criterion.adoptProposal',
        { frameworkId: framework.id, proposalId: proposal.id, dimensionId: dimension.id, narrativeRequired: true },
        alice,
      );
      expect(criterion).toMatchObject({
        dimensionId: dimension.id,
        title: { fr: proposal.title, en: proposal.title },
        narrativeRequired: true,
        origin: { proposalId: proposal.id, reference: proposal.reference },
      });
      expect(proposal.reference).toMatch(/^PROP-/);
      expect((await get(framework.id)).dimensions[0].criteria[0].origin).toEqual(criterion.origin);

      const again = await refused(() =>
        ask(
          'evaluations.criterion.adoptProposal',
          { frameworkId: framework.id, proposalId: proposal.id, dimensionId: dimension.id },
          alice,
        ),
      );
      expect(again.code).toBe('conflict');
      expect(again.details).toEqual({ criterionId: criterion.id });
    });

    it('refuses a proposal of another process, an unknown one, and a non-editor, changing nothing', async () => {
      const elsewhere = await client.request(
        'proposals.proposal.create',
        { processId: otherProcess.id, title: 'Une navette vers le marché du samedi', body: 'Depuis les hameaux.' },
        as(bob),
      );
      const outside = await refused(() =>
        ask(
          'evaluations.criterion.adoptProposal',
          { frameworkId: framework.id, proposalId: elsewhere.id, dimensionId: dimension.id },
          alice,
        ),
      );
      expect(outside.code).toBe('proposal_outside_process');
      const unknown = await refused(() =>
        ask(
          'evaluations.criterion.adoptProposal',
          { frameworkId: framework.id, proposalId: randomUUID(), dimensionId: dimension.id },
          alice,
        ),
      );
      expect(unknown.errors).toEqual([{ path: 'proposalId', message: 'No such proposal.' }]);
      const byBob = await refused(() =>
        ask(
          'evaluations.criterion.adoptProposal',
          { frameworkId: framework.id, proposalId: proposal.id, dimensionId: dimension.id },
          bob,
        ),
      );
      expect(byBob.code).toBe('forbidden');
    });

    it('keeps the link in the next version', async () => {
      const indicatorFor = (criterionId: string) =>
        addIndicator(framework.id, criterionId, { kind: 'quantitative', title: { fr: 'Retours à l’emploi' } });
      await indicatorFor((await get(framework.id)).dimensions[0].criteria[0].id);
      await ask('evaluations.framework.adopt', { id: framework.id }, alice);
      const next = await ask<Framework>('evaluations.framework.startVersion', { id: framework.id }, alice);
      expect(next.dimensions[0].criteria[0].origin).toEqual({ proposalId: proposal.id, reference: proposal.reference });
    });
  });

  describe('personal data', () => {
    it('exports the frameworks a person edits, and a deleted account edits none', async () => {
      const camille = await registerPerson(client, as(null), 'Camille Roussel', { username: 'camille' });
      expect(await client.request('evaluations.privacy.export', { personId: camille.personId }, as(camille))).toEqual({
        service: 'evaluations',
        data: {},
      });
      const framework = await createFramework();
      await ask('evaluations.frameworkEditor.add', { frameworkId: framework.id, personId: camille.personId }, admin);
      const exported = await client.request('evaluations.privacy.export', { personId: camille.personId }, as(camille));
      expect(exported.data).toEqual({
        frameworkEditor: [{ lineageId: framework.lineageId, addedAt: expect.any(String) }],
      });

      await client.request('members.privacy.delete', { personId: camille.personId }, as(camille));
      await eventually(async () => {
        const editors = await ask<{ data: unknown[] }>(
          'evaluations.frameworkEditor.list',
          { frameworkId: framework.id },
          admin,
        );
        expect(editors.data).toEqual([]);
      });
    });
  });
});
