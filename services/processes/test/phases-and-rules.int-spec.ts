// Phases, their rules and the permission check of the processes service, against real Postgres
// and NATS: members answers verification checks and proposals keeps its copy of the rules, each
// as its own process; two replicas of processes run the phase scheduler at once.
import type {
  Actor,
  EventEnvelope,
  ParticipationSnapshot,
  Phase,
  PhaseRulesInput,
  Process,
  ProcessAction,
  ParticipationSettingsInput,
} from '@convergences/contracts';
import { createDatabase } from '@convergences/database';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import {
  createIsolatedRun,
  eventually,
  type IsolatedRun,
  registerPerson,
  type ServiceProcess,
  startServiceProcess,
} from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { processesService } from '../src/processes.service';

jest.setTimeout(40_000);

describe('phases and the rules of each phase', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let replica: RunningService;
  let members: ServiceProcess;
  let proposals: ServiceProcess;
  let client: ServiceClient;
  let proposalsDb: Kysely<{
    process_participation: { process_id: string; version: number; snapshot: ParticipationSnapshot };
  }>;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `phases-${++seq}` });
  const description = { fr: 'Une concertation ouverte à toutes et tous.' };

  const signIn = (username: string, roles = ['participant']) =>
    registerPerson(client, as(null), username, { roles, email: `${username}@example.org` });

  const createProcess = (title: string, extra: Record<string, unknown> = {}) =>
    client.request('processes.process.create', { title: { fr: title }, description, ...extra }, as(admin));
  const addPhase = (
    processId: string,
    title: string,
    extra: { rules?: PhaseRulesInput } & Record<string, unknown> = {},
  ) => client.request('processes.phase.create', { processId, title: { fr: title }, ...extra }, as(admin));
  const activate = (processId: string, phaseId: string, actor: Actor | null = admin) =>
    client.request('processes.phase.activate', { processId, phaseId }, as(actor));
  const phasesOf = async (processId: string) =>
    (await client.request('processes.phase.list', { processId }, as(admin))).data;
  const check = (processId: string, action: ProcessAction, actor: Actor | null) =>
    client.request('processes.permission.check', { processId, action }, as(actor));
  /** A published process whose only, active phase has these rules. */
  async function runningProcess(title: string, rules: PhaseRulesInput, extra: Record<string, unknown> = {}) {
    const process = await createProcess(title, { status: 'published', ...extra });
    const phase = await addPhase(process.id, 'Phase en cours', { rules });
    await activate(process.id, phase.id);
    return { process, phase };
  }

  const outbox = async (type: string, processId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<Record<string, unknown>> }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'processId' = ${processId} order by id`.execute(service.db);
    return rows.map((r) => r.envelope);
  };
  const countOf = async (table: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(service.db)).rows[0].n);
  const newTerritory = async (name: string, type: string, parent?: { id: string; ancestor_ids: string[] }) => {
    const row = {
      id: uuidv7(),
      name,
      type,
      parent_id: parent?.id ?? null,
      ancestor_ids: parent ? [...parent.ancestor_ids, parent.id] : [],
    };
    await sql`insert into territories (id, name, type, parent_id, ancestor_ids)
      values (${row.id}, ${row.name}, ${row.type}, ${row.parent_id}, ${row.ancestor_ids}::uuid[])`.execute(service.db);
    return row;
  };

  beforeAll(async () => {
    run = await createIsolatedRun('phases');
    const env = { ...run.env, SCHEDULER_INTERVAL_MS: '100' };
    [members, proposals, service] = await Promise.all([
      startServiceProcess('members', env),
      startServiceProcess('proposals', env),
      startService(processesService, env),
    ]);
    // A second replica in the same queue group, running its own scheduler on the same database.
    replica = await startService(processesService, env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'phases-test',
    });
    await client.connect();
    proposalsDb = createDatabase({ url: run.databaseUrl, schema: 'proposals', poolSize: 2 });
    admin = await signIn('admin', ['admin', 'participant']);
    alice = await signIn('alice');
    bob = await signIn('bob');
  });

  afterAll(async () => {
    await proposalsDb?.destroy();
    await client?.close();
    await Promise.all([service?.close(), replica?.close(), members?.stop(), proposals?.stop()]);
    await run?.dispose();
  });

  describe('process fields', () => {
    it('keeps the organiser-facing fields and fills every participation setting with its default', async () => {
      const created = await createProcess('Budget participatif du Vigan', {
        subtitle: { fr: 'Édition 2027', en: '2027 edition' },
        startDate: '2027-01-15',
        endDate: '2027-06-30',
        bannerUrl: 'https://example.org/banniere.jpg',
        visibility: 'private',
        settings: { supportQuota: 5, supportThreshold: 100 },
      });
      expect(created).toMatchObject({
        subtitle: { fr: 'Édition 2027', en: '2027 edition' },
        startDate: '2027-01-15',
        endDate: '2027-06-30',
        visibility: 'private',
        status: 'draft',
        activePhaseId: null,
        themeIds: [],
        closedAt: null,
        settings: {
          supportQuota: 5,
          supportThreshold: 100,
          minimumSupportsPerPerson: 0,
          supportsBeyondThreshold: true,
          proposalLimit: 0,
          editWindowMinutes: 5,
          geolocationEnabled: false,
          answersWithCosts: false,
          requiredVerifications: {},
        },
      });
    });

    it('refuses dates out of order, unknown territories and themes, and verifications without a territory, writing nothing', async () => {
      const [processes, events] = [await countOf('processes'), await countOf('outbox')];
      const failures = await Promise.all([
        createProcess('Dates à l’envers', { startDate: '2027-02-01', endDate: '2027-01-01' }).catch((e) => e),
        createProcess('Territoire inconnu', { territoryId: uuidv7(), themeIds: [uuidv7()] }).catch((e) => e),
        createProcess('Vérification sans territoire', {
          settings: { requiredVerifications: { support_proposal: 'residency' } },
        }).catch((e) => e),
        createProcess('Minimum au-delà du quota', { settings: { supportQuota: 2, minimumSupportsPerPerson: 3 } }).catch(
          (e) => e,
        ),
      ]);
      const paths = failures.map((f) => ({
        code: f.code,
        paths: (f.errors ?? []).map((e: { path: string }) => e.path),
      }));
      expect(paths).toEqual([
        { code: 'validation_failed', paths: ['endDate'] },
        { code: 'validation_failed', paths: ['territoryId', 'themeIds'] },
        { code: 'validation_failed', paths: ['settings.requiredVerifications'] },
        { code: 'validation_failed', paths: ['settings.minimumSupportsPerPerson'] },
      ]);
      expect(await countOf('processes')).toBe(processes);
      expect(await countOf('outbox')).toBe(events);
    });

    it('lets only platform and process admins change a process, announcing new settings with a new version', async () => {
      const { process } = await runningProcess('Mobilités du Grand Nîmes', { proposals: { creationEnabled: true } });
      await expect(
        client.request('processes.process.update', { id: process.id, settings: { supportQuota: 3 } }, as(alice)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      const before = await outbox('processes.participation.changed', process.id);
      const updated = await client.request(
        'processes.process.update',
        { id: process.id, subtitle: { fr: 'Se déplacer autrement' }, settings: { supportQuota: 3 } },
        as(admin),
      );
      expect(updated).toMatchObject({ subtitle: { fr: 'Se déplacer autrement' }, settings: { supportQuota: 3 } });
      const after = await outbox('processes.participation.changed', process.id);
      expect(after).toHaveLength(before.length + 1);
      const latest = after[after.length - 1].data as ParticipationSnapshot;
      expect(latest.version).toBe((before[before.length - 1].data as ParticipationSnapshot).version + 1);
      expect(latest.settings.supportQuota).toBe(3);

      // A text change alone leaves the rules in force, and their version, as they were.
      await client.request('processes.process.update', { id: process.id, subtitle: null }, as(admin));
      expect(await outbox('processes.participation.changed', process.id)).toHaveLength(after.length);
    });

    it('closes a published process once: it stays readable and refuses any further change', async () => {
      const { process, phase } = await runningProcess('Jardins partagés d’Alès', {
        proposals: { creationEnabled: true },
      });
      const closed = await client.request('processes.process.close', { id: process.id }, as(admin));
      expect(closed).toMatchObject({ status: 'closed', activePhaseId: phase.id });
      expect(closed.closedAt).not.toBeNull();
      await client.request('processes.process.close', { id: process.id }, as(admin));
      expect(await outbox('processes.process.closed', process.id)).toHaveLength(1);
      await expect(
        client.request('processes.process.update', { id: process.id, subtitle: { fr: 'Trop tard' } }, as(admin)),
      ).rejects.toMatchObject({ code: 'process_closed' });
      await expect(addPhase(process.id, 'Encore une')).rejects.toMatchObject({ code: 'process_closed' });
      await expect(client.request('processes.process.get', { idOrSlug: process.id }, as(null))).resolves.toMatchObject({
        status: 'closed',
      });
      const draft = await createProcess('Brouillon à ne pas clore');
      await expect(client.request('processes.process.close', { id: draft.id }, as(admin))).rejects.toMatchObject({
        code: 'process_not_published',
      });
    });

    it('copies a process into a draft with its settings and inactive phases, none of its participation', async () => {
      const { process } = await runningProcess(
        'Alimentation durable à Montpellier',
        { proposals: { creationEnabled: true } },
        { settings: { supportQuota: 7 } },
      );
      await addPhase(process.id, 'Soutiens', { rules: { proposals: { supportsEnabled: true } } });
      const copy = await client.request('processes.process.copy', { id: process.id }, as(admin));
      expect(copy).toMatchObject({
        status: 'draft',
        title: { fr: 'Alimentation durable à Montpellier (copie)' },
        slug: 'alimentation-durable-a-montpellier-copie',
        settings: { supportQuota: 7 },
        activePhaseId: null,
        proposalsCount: 0,
      });
      const phases = await phasesOf(copy.id);
      expect(phases.map((p) => [p.position, p.title.fr, p.active])).toEqual([
        [1, 'Phase en cours', false],
        [2, 'Soutiens', false],
      ]);
      expect(phases[1].rules.proposals.supportsEnabled).toBe(true);
    });
  });

  describe('phases', () => {
    it('keeps phases in order when one is inserted, moved or removed', async () => {
      const process = await createProcess('Concertation sur la gare de Lunel');
      const information = await addPhase(process.id, 'Information');
      const supports = await addPhase(process.id, 'Soutiens');
      const proposalsPhase = await addPhase(process.id, 'Propositions', { position: 2 });
      const titles = async () => (await phasesOf(process.id)).map((p) => `${p.position}:${p.title.fr}`);
      expect(await titles()).toEqual(['1:Information', '2:Propositions', '3:Soutiens']);

      await client.request(
        'processes.phase.update',
        { processId: process.id, phaseId: supports.id, position: 1 },
        as(admin),
      );
      expect(await titles()).toEqual(['1:Soutiens', '2:Information', '3:Propositions']);
      await client.request('processes.phase.delete', { processId: process.id, phaseId: information.id }, as(admin));
      expect(await titles()).toEqual(['1:Soutiens', '2:Propositions']);

      await expect(addPhase(process.id, 'Trop loin', { position: 4 })).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'position' })],
      });
      await activate(process.id, proposalsPhase.id);
      await expect(
        client.request('processes.phase.delete', { processId: process.id, phaseId: proposalsPhase.id }, as(admin)),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await titles()).toEqual(['1:Soutiens', '2:Propositions']);
    });

    it('refuses phases whose end comes before their start, or scheduled without a start', async () => {
      const process = await createProcess('Plan alimentaire territorial du Gard');
      const phases = await countOf('phases');
      await expect(
        addPhase(process.id, 'À l’envers', { startsAt: '2027-03-01T00:00:00Z', endsAt: '2027-02-01T00:00:00Z' }),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'endsAt' })] });
      await expect(addPhase(process.id, 'Sans date', { autoActivate: true })).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'startsAt' })],
      });
      const dated = await addPhase(process.id, 'Datée', { startsAt: '2027-03-01T00:00:00Z' });
      await expect(
        client.request(
          'processes.phase.update',
          { processId: process.id, phaseId: dated.id, endsAt: '2027-01-01T00:00:00Z' },
          as(admin),
        ),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'endsAt' })] });
      expect(await countOf('phases')).toBe(phases + 1);
    });

    it('keeps exactly one phase active, announcing each activation with the phase it replaces', async () => {
      const process = await createProcess('Tiers-lieux du Lodévois', { status: 'published' });
      const [first, second] = [await addPhase(process.id, 'Un'), await addPhase(process.id, 'Deux')];
      await activate(process.id, first.id);
      const results = await Promise.allSettled([activate(process.id, second.id), activate(process.id, first.id)]);
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      const active = (await phasesOf(process.id)).filter((p) => p.active);
      expect(active).toHaveLength(1);
      const activations = await outbox('processes.phase.activated', process.id);
      expect(activations[0].data).toEqual({
        processId: process.id,
        phaseId: first.id,
        previousPhaseId: null,
        scheduled: false,
      });
      // Each activation names the one before it: the chain ends on the phase now active.
      for (let n = 1; n < activations.length; n++) {
        expect(activations[n].data.previousPhaseId).toBe(activations[n - 1].data.phaseId);
      }
      expect(activations[activations.length - 1].data.phaseId).toBe(active[0].id);
      const process2 = await client.request('processes.process.get', { idOrSlug: process.id }, as(null));
      expect(process2.activePhaseId).toBe(active[0].id);
    });

    it('lets only platform and process admins manage phases', async () => {
      const process = await createProcess('Énergie éthique en Cévennes', { status: 'published' });
      const phase = await addPhase(process.id, 'Information');
      const phases = await countOf('phases');
      await expect(
        client.request('processes.phase.create', { processId: process.id, title: { fr: 'Non' } }, as(alice)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(activate(process.id, phase.id, alice)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(activate(process.id, phase.id, null)).rejects.toMatchObject({ code: 'unauthenticated' });
      await sql`insert into process_roles (process_id, person_id, role) values (${process.id}, ${alice.personId}, 'admin')`.execute(
        service.db,
      );
      await expect(activate(process.id, phase.id, alice)).resolves.toMatchObject({ active: true });
      await sql`delete from process_roles where person_id = ${alice.personId}`.execute(service.db);
      expect(await countOf('phases')).toBe(phases);
    });
  });

  describe('the permission check', () => {
    it('runs a consultation through information → proposals → supports, each phase opening what it says', async () => {
      const process = await createProcess('Innover ensemble à Ganges', { status: 'published' });
      const information = await addPhase(process.id, 'Information', { rules: { comments: { enabled: true } } });
      const proposing = await addPhase(process.id, 'Propositions', {
        rules: { proposals: { creationEnabled: true, endorsementsEnabled: true } },
      });
      const supporting = await addPhase(process.id, 'Soutiens', {
        rules: { proposals: { supportsEnabled: true }, comments: { blocked: true } },
      });
      const verdicts = async () =>
        Object.fromEntries(
          await Promise.all(
            (['create_proposal', 'support_proposal', 'endorse_proposal', 'comment'] as const).map(async (action) => {
              const decision = await check(process.id, action, alice);
              return [action, decision.allowed ? 'allowed' : decision.reason];
            }),
          ),
        );

      expect(await verdicts()).toEqual({
        create_proposal: 'phase_closed',
        support_proposal: 'phase_closed',
        endorse_proposal: 'phase_closed',
        comment: 'phase_closed',
      });
      await activate(process.id, information.id);
      const duringInformation = await check(process.id, 'create_proposal', alice);
      expect(duringInformation).toMatchObject({
        allowed: false,
        reason: 'phase_closed',
        phaseId: information.id,
        details: { activePhaseId: information.id },
      });
      expect(await verdicts()).toMatchObject({ create_proposal: 'phase_closed', comment: 'allowed' });
      await activate(process.id, proposing.id);
      expect(await verdicts()).toEqual({
        create_proposal: 'allowed',
        support_proposal: 'phase_closed',
        endorse_proposal: 'allowed',
        comment: 'allowed',
      });
      await activate(process.id, supporting.id);
      expect(await verdicts()).toEqual({
        create_proposal: 'phase_closed',
        support_proposal: 'allowed',
        endorse_proposal: 'phase_closed',
        comment: 'comments_blocked',
      });
      await client.request(
        'processes.phase.update',
        {
          processId: process.id,
          phaseId: supporting.id,
          rules: { proposals: { supportsEnabled: true, supportsBlocked: true } },
        },
        as(admin),
      );
      expect(await verdicts()).toMatchObject({ support_proposal: 'supports_blocked', comment: 'allowed' });
    });

    it('asks anonymous callers to sign in, and refuses drafts and closed processes', async () => {
      const { process } = await runningProcess('Ressourcerie de Sommières', { proposals: { creationEnabled: true } });
      expect(await check(process.id, 'create_proposal', null)).toMatchObject({ reason: 'unauthenticated' });
      expect(await check(process.id, 'view', null)).toMatchObject({ allowed: true });

      const draft = await createProcess('Brouillon de Quissac');
      expect(await check(draft.id, 'create_proposal', admin)).toMatchObject({ reason: 'process_not_published' });
      await expect(check(draft.id, 'create_proposal', alice)).rejects.toMatchObject({ code: 'not_found' });
      await expect(check(uuidv7(), 'view', alice)).rejects.toMatchObject({ code: 'not_found' });

      await client.request('processes.process.close', { id: process.id }, as(admin));
      expect(await check(process.id, 'create_proposal', alice)).toMatchObject({ reason: 'process_closed' });
    });

    it('refuses blocked people everything but reading', async () => {
      const { process } = await runningProcess('Épicerie solidaire de Saint-Jean-du-Gard', {
        proposals: { creationEnabled: true },
      });
      await sql`insert into blocked_people (person_id, blocked_at) values (${bob.personId}, now())`.execute(service.db);
      try {
        expect(await check(process.id, 'create_proposal', bob)).toMatchObject({ reason: 'blocked_person' });
        expect(await check(process.id, 'view', bob)).toMatchObject({ allowed: true });
      } finally {
        await sql`delete from blocked_people where person_id = ${bob.personId}`.execute(service.db);
      }
      expect(await check(process.id, 'create_proposal', bob)).toMatchObject({ allowed: true });
    });

    it('requires the roles of role actions: moderators moderate, valuators valuate, admins answer', async () => {
      const { process } = await runningProcess('Régie de quartier de Pissevin', {});
      const roles = async (actor: Actor) =>
        Object.fromEntries(
          await Promise.all(
            (['read_all', 'moderate', 'valuate', 'answer_proposal', 'administer'] as const).map(async (action) => {
              const decision = await check(process.id, action, actor);
              return [action, decision.allowed ? 'allowed' : decision.reason];
            }),
          ),
        );
      expect(Object.values(await roles(alice))).toEqual(Array(5).fill('role_required'));
      await sql`insert into process_roles (process_id, person_id, role) values (${process.id}, ${alice.personId}, 'moderator')`.execute(
        service.db,
      );
      expect(await roles(alice)).toEqual({
        read_all: 'allowed',
        moderate: 'allowed',
        valuate: 'role_required',
        answer_proposal: 'role_required',
        administer: 'role_required',
      });
      expect(Object.values(await roles(admin))).toEqual(Array(5).fill('allowed'));
    });

    it('requires a verification in the territory of the process, or a territory containing it', async () => {
      const gard = await newTerritory('Gard', 'departement');
      const vigan = await newTerritory('Le Vigan', 'commune', gard);
      const { process } = await runningProcess(
        'Budget participatif du Vigan, résidents',
        { proposals: { creationEnabled: true, supportsEnabled: true } },
        { territoryId: vigan.id, settings: { requiredVerifications: { support_proposal: 'residency' } } },
      );
      expect(await check(process.id, 'create_proposal', alice)).toMatchObject({ allowed: true });
      expect(await check(process.id, 'support_proposal', alice)).toMatchObject({
        allowed: false,
        reason: 'verification_required',
        details: { kind: 'residency', territoryId: vigan.id },
      });
      // A residency in the département covers the commune within it.
      await client.request(
        'members.verification.grant',
        { personId: alice.personId, kind: 'residency', territoryId: gard.id },
        as(admin),
      );
      expect(await check(process.id, 'support_proposal', alice)).toMatchObject({ allowed: true });
      expect(await check(process.id, 'support_proposal', bob)).toMatchObject({ reason: 'verification_required' });
    });
  });

  describe('private processes', () => {
    it('are invisible to people not invited, in lists, details and counts', async () => {
      const stamp = `Cévenol ${Date.now()}`;
      const { process } = await runningProcess(
        `Atelier privé ${stamp}`,
        { proposals: { creationEnabled: true } },
        {
          visibility: 'private',
        },
      );
      const listFor = (actor: Actor | null) =>
        client.request('processes.process.list', { q: stamp }, as(actor)).then((page) => ({
          total: page.meta.total,
          ids: page.data.map((p) => p.id),
        }));
      for (const outsider of [null, bob]) {
        expect(await listFor(outsider)).toEqual({ total: 0, ids: [] });
        await expect(
          client.request('processes.process.get', { idOrSlug: process.slug }, as(outsider)),
        ).rejects.toMatchObject({ code: 'not_found' });
        await expect(
          client.request('processes.phase.list', { processId: process.id }, as(outsider)),
        ).rejects.toMatchObject({ code: 'not_found' });
      }
      expect(await check(process.id, 'create_proposal', bob)).toMatchObject({ reason: 'not_invited' });

      await sql`insert into process_invitations (process_id, person_id) values (${process.id}, ${alice.personId})`.execute(
        service.db,
      );
      expect(await listFor(alice)).toEqual({ total: 1, ids: [process.id] });
      expect(await listFor(admin)).toEqual({ total: 1, ids: [process.id] });
      await expect(client.request('processes.process.get', { idOrSlug: process.id }, as(alice))).resolves.toMatchObject(
        {
          id: process.id,
        },
      );
      expect(await check(process.id, 'create_proposal', alice)).toMatchObject({ allowed: true });
    });
  });

  describe('scheduled phases', () => {
    it('activate themselves at their start, exactly once with two replicas running', async () => {
      const process = await createProcess('Décider ensemble à Anduze', { status: 'published' });
      const information = await addPhase(process.id, 'Information');
      await activate(process.id, information.id);
      const startsAt = new Date(Date.now() + 1500).toISOString();
      const scheduled = await addPhase(process.id, 'Propositions', {
        startsAt,
        autoActivate: true,
        rules: { proposals: { creationEnabled: true } },
      });
      expect(scheduled.active).toBe(false);
      const activated = await eventually(
        async () => {
          const phase = (await phasesOf(process.id)).find((p) => p.id === scheduled.id)!;
          expect(phase.active).toBe(true);
          return phase;
        },
        10_000,
        50,
      );
      expect(Date.parse(activated.activatedAt!)).toBeGreaterThanOrEqual(Date.parse(startsAt));
      // Both schedulers have had many ticks since: still one activation.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const events = (await outbox('processes.phase.activated', process.id)).filter(
        (e) => e.data.phaseId === scheduled.id,
      );
      expect(events.map((e) => e.data)).toEqual([
        { processId: process.id, phaseId: scheduled.id, previousPhaseId: information.id, scheduled: true },
      ]);
      expect(await check(process.id, 'create_proposal', alice)).toMatchObject({ allowed: true });

      // Back to information by hand: the scheduler, done with that phase, does not take it back.
      await activate(process.id, information.id);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await phasesOf(process.id)).find((p) => p.active)!.id).toBe(information.id);
    });

    it('wait for their process to be published, then activate only the latest one due', async () => {
      const process = await createProcess('Solidarité internationale à Uzès');
      const past = (ms: number) => new Date(Date.now() - ms).toISOString();
      const older = await addPhase(process.id, 'Passée', { startsAt: past(60_000), autoActivate: true });
      const latest = await addPhase(process.id, 'Récente', { startsAt: past(1000), autoActivate: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await phasesOf(process.id)).some((p) => p.active)).toBe(false);
      await client.request('processes.process.publish', { id: process.id }, as(admin));
      await eventually(async () => {
        const phases = await phasesOf(process.id);
        expect(phases.find((p) => p.id === latest.id)!.active).toBe(true);
      }, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const events = await outbox('processes.phase.activated', process.id);
      expect(events.map((e) => e.data.phaseId)).toEqual([latest.id]);
      expect((await phasesOf(process.id)).find((p) => p.id === older.id)!.active).toBe(false);
    });
  });

  describe("another service's copy of the rules", () => {
    it('follows a change of the active phase and of its rules within a second', async () => {
      const { process, phase } = await runningProcess('Biodiversité du Pays viganais', {
        proposals: { creationEnabled: true },
      });
      const copyIn = async () =>
        (
          await proposalsDb
            .selectFrom('process_participation')
            .selectAll()
            .where('process_id', '=', process.id)
            .executeTakeFirst()
        )?.snapshot;
      await eventually(async () => expect((await copyIn())?.activePhaseId).toBe(phase.id), 5000);

      const supports = await addPhase(process.id, 'Soutiens', { rules: { proposals: { supportsEnabled: true } } });
      await activate(process.id, supports.id);
      await eventually(
        async () => {
          const copy = await copyIn();
          expect(copy).toMatchObject({ activePhaseId: supports.id, rules: { proposals: { supportsEnabled: true } } });
        },
        1000,
        20,
      );
      const settings: ParticipationSettingsInput = { supportQuota: 4 };
      const updated: Process = await client.request(
        'processes.process.update',
        { id: process.id, settings },
        as(admin),
      );
      expect(updated.settings.supportQuota).toBe(4);
      await eventually(async () => expect((await copyIn())?.settings.supportQuota).toBe(4), 1000, 20);
      await client.request(
        'processes.phase.update',
        {
          processId: process.id,
          phaseId: supports.id,
          rules: { proposals: { supportsEnabled: true, supportsHidden: true } },
        },
        as(admin),
      );
      await eventually(async () => expect((await copyIn())?.rules?.proposals.supportsHidden).toBe(true), 1000, 20);
      const current: ParticipationSnapshot = await client.request(
        'processes.process.participation',
        { processId: process.id },
        as(null),
      );
      expect(await copyIn()).toEqual(current);
    });
  });

  it('lists phases with their rules filled in', async () => {
    const process = await createProcess('Accès solidaire à la terre en Lozère');
    const phase: Phase = await addPhase(process.id, 'Propositions', {
      rules: { proposals: { creationEnabled: true } },
    });
    expect(phase.rules).toEqual({
      proposals: {
        creationEnabled: true,
        supportsEnabled: false,
        supportsBlocked: false,
        supportsHidden: false,
        endorsementsEnabled: false,
        answersPublished: false,
      },
      debates: { creationEnabled: false },
      comments: { enabled: true, blocked: false },
    });
  });
});
