// Campaigns in the evaluations service — their states, people, subjects and peers — with members,
// processes and proposals as their own processes, in one isolated run against real Postgres and NATS.
import type {
  Actor,
  Campaign,
  CampaignPerson,
  Criterion,
  Dimension,
  EventEnvelope,
  Framework,
  Organization,
  Page,
  PeerAssignment,
  Subject,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, registerPerson } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { EvaluationsDatabase } from '../src/db/schema';
import { startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';
import { refusalsAgainst } from './support/refusals';

jest.setTimeout(30_000);

describe('campaigns', () => {
  let evaluationsRun: EvaluationsRun;
  let evaluations: RunningService;
  let client: ServiceClient;
  /** Platform admin. */
  let admin: Actor;
  /** Editor of the framework: starts campaigns and coordinates them. */
  let maelle: Actor;
  /** On the committee (commission mixte). */
  let yanis: Actor;
  /** Admin of the Jardins du Faubourg (subject A). */
  let lucie: Actor;
  /** Member of the Jardins du Faubourg. */
  let nina: Actor;
  /** Admin of the Coop des Trois Rivières (subject B). */
  let rose: Actor;
  /** Of the Ressourcerie du Causse (not assessed): visits the Jardins as a peer. */
  let theo: Actor;
  /** A participant with no part in any campaign. */
  let ines: Actor;
  let jardins: Organization;
  let coop: Organization;
  let ressourcerie: Organization;
  let framework: Framework;
  let draftVersion: Framework;
  /** A criterion with a level scale (stakeholders may answer it) and one with a narrative only. */
  let scored: Criterion;
  let told: Criterion;
  let seq = 0;
  /** The service's database, typed. */
  const db = () => evaluations.db as unknown as Kysely<EvaluationsDatabase>;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `campaigns-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null, idempotencyKey?: string) =>
    client.request(pattern as never, body as never, as(actor, idempotencyKey)) as Promise<T>;

  /** Everything of campaigns evaluations holds, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'campaigns', (select json_agg(c order by id) from campaigns c),
        'people', (select json_agg(p order by campaign_id, person_id, role) from campaign_people p),
        'subjects', (select json_agg(s order by id) from campaign_subjects s),
        'peers', (select json_agg(a order by subject_id, person_id) from peer_assignments a),
        'assessments', (select json_agg(x order by id) from assessments x),
        'responses', (select json_agg(r order by id) from stakeholder_responses r),
        'authors', (select json_agg(n order by person_id) from authors n),
        'outbox', (select count(*) from outbox)) as state`.execute(evaluations.db);
    return rows[0].state;
  };
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = refusalsAgainst(state);
  const stateEvents = async (campaignId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = 'evaluations.campaign.stateChanged' and envelope->'data'->>'campaignId' = ${campaignId}
      order by envelope->>'occurredAt'`.execute(evaluations.db);
    return rows.map((r) => r.envelope);
  };

  const createCampaign = (fields: Record<string, unknown> = {}, actor: Actor | null = maelle) =>
    ask<Campaign>(
      'evaluations.campaign.create',
      {
        frameworkId: framework.id,
        title: { fr: 'Campagne 2027 des jardins partagés' },
        startsOn: '2027-01-15',
        endsOn: '2027-06-30',
        ...fields,
      },
      actor,
    );
  const getCampaign = (id: string, actor: Actor | null = maelle) =>
    ask<Campaign>('evaluations.campaign.get', { id }, actor);
  const move = (id: string, to: string, actor: Actor | null = maelle) =>
    ask<Campaign>('evaluations.campaign.transition', { id, to }, actor);
  const addSubject = (campaignId: string, organizationId: string, actor: Actor | null = maelle) =>
    ask<Subject>('evaluations.subject.add', { campaignId, organizationId }, actor);
  const getSubject = (id: string, actor: Actor | null) => ask<Subject>('evaluations.subject.get', { id }, actor);
  const listSubjects = (campaignId: string, actor: Actor | null) =>
    ask<Page<Subject>>('evaluations.subject.list', { campaignId }, actor);
  const assign = (subjectId: string, personId: string, actor: Actor | null = maelle) =>
    ask<PeerAssignment>('evaluations.peer.assign', { subjectId, personId }, actor);
  const unassign = (subjectId: string, personId: string, actor: Actor | null = maelle) =>
    ask<{ removed: boolean }>('evaluations.peer.unassign', { subjectId, personId }, actor);
  const addPerson = (campaignId: string, personId: string, role: string, actor: Actor | null = maelle) =>
    ask<CampaignPerson>('evaluations.campaignPerson.add', { campaignId, personId, role }, actor);
  const people = (campaignId: string, actor: Actor | null) =>
    ask<{ data: CampaignPerson[] }>('evaluations.campaignPerson.list', { campaignId }, actor);
  const listIds = (actor: Actor | null, query: Record<string, unknown> = {}) =>
    ask<Page<Campaign>>('evaluations.campaign.list', { perPage: 100, ...query }, actor).then((page) =>
      page.data.map((c) => c.id),
    );
  /** A campaign with the Jardins as a subject, opened. */
  const openCampaign = async (fields: Record<string, unknown> = {}) => {
    const campaign = await createCampaign(fields);
    const subject = await addSubject(campaign.id, jardins.id);
    await move(campaign.id, 'open');
    return { campaign, subject };
  };
  /**
   * An assessment of a subject as the assessments use-cases leave it (they are another part of
   * the service): written straight into the table, to see what campaigns make of it.
   */
  const insertAssessment = async (
    subject: Subject,
    kind: 'self' | 'peer' | 'committee',
    status: 'draft' | 'submitted',
    authorId: string | null = null,
  ) => {
    const id = randomUUID();
    await db()
      .insertInto('assessments')
      .values({
        id,
        kind,
        framework_id: framework.id,
        campaign_id: subject.campaignId,
        subject_id: subject.id,
        author_id: authorId,
        status,
        created_by: authorId ?? maelle.personId,
        submitted_at: status === 'submitted' ? new Date() : null,
        submitted_by: status === 'submitted' ? (authorId ?? maelle.personId) : null,
      })
      .execute();
    return id;
  };
  const levels = (...values: number[]) =>
    values.map((value) => ({
      value,
      label: { fr: `Niveau ${value}` },
      descriptor: { fr: `Ce que veut dire ${value}` },
    }));

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('campaigns');
    ({ evaluations, client } = evaluationsRun);
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination du réseau', ['admin', 'participant']);
    maelle = await signIn('maelle', 'Maëlle Brunet');
    yanis = await signIn('yanis', 'Yanis Ferrand');
    lucie = await signIn('lucie', 'Lucie Marchal');
    nina = await signIn('nina', 'Nina Pelletier');
    rose = await signIn('rose', 'Rose Lemaire');
    theo = await signIn('theo', 'Théo Garnier');
    ines = await signIn('ines', 'Inès Roche');

    const organization = (name: string, kind: string, actor: Actor) =>
      ask<Organization>('members.organization.create', { name, kind }, actor);
    jardins = await organization('Les Jardins du Faubourg', 'association', lucie);
    coop = await organization('Coop des Trois Rivières', 'cooperative', rose);
    ressourcerie = await organization('Ressourcerie du Causse', 'association', theo);
    const invitation = await ask<{ id: string }>(
      'members.membership.invite',
      { organizationId: jardins.id, personId: nina.personId, role: 'member' },
      lucie,
    );
    await ask('members.membership.accept', { id: invitation.id }, nina);

    // A small adopted grid: one criterion stakeholders may answer (a level scale), one told only.
    const created = await ask<Framework>(
      'evaluations.framework.create',
      { title: { fr: 'Grille des jardins' } },
      admin,
    );
    const frameworkId = created.id;
    await ask('evaluations.frameworkEditor.add', { frameworkId, personId: maelle.personId }, admin);
    const dimension = await ask<Dimension>(
      'evaluations.dimension.create',
      { frameworkId, title: { fr: 'Gouvernance démocratique' } },
      maelle,
    );
    scored = await ask<Criterion>(
      'evaluations.criterion.create',
      { frameworkId, dimensionId: dimension.id, title: { fr: 'Participation aux décisions' } },
      maelle,
    );
    await ask(
      'evaluations.indicator.create',
      {
        frameworkId,
        criterionId: scored.id,
        kind: 'level_scale',
        title: { fr: 'Place des membres' },
        levels: levels(1, 2, 3, 4),
      },
      maelle,
    );
    told = await ask<Criterion>(
      'evaluations.criterion.create',
      { frameworkId, dimensionId: dimension.id, title: { fr: 'Ce qui a changé autour de nous' } },
      maelle,
    );
    await ask(
      'evaluations.indicator.create',
      { frameworkId, criterionId: told.id, kind: 'narrative', title: { fr: 'Récit' } },
      maelle,
    );
    framework = await ask<Framework>('evaluations.framework.adopt', { id: frameworkId }, maelle);
    draftVersion = await ask<Framework>('evaluations.framework.startVersion', { id: frameworkId }, maelle);

    // The organisations and memberships reach evaluations through members' events.
    await eventually(async () => {
      const known = await db().selectFrom('organizations').select('id').execute();
      expect(known.map((o) => o.id)).toEqual(expect.arrayContaining([jardins.id, coop.id, ressourcerie.id]));
      const members = await db()
        .selectFrom('organization_members')
        .select(['person_id', 'role'])
        .where('organization_id', '=', jardins.id)
        .orderBy('role')
        .execute();
      expect(members).toEqual([
        { person_id: lucie.personId, role: 'admin' },
        { person_id: nina.personId, role: 'member' },
      ]);
    });
  });

  afterAll(() => evaluationsRun?.stop());

  describe('creating', () => {
    it('lets the framework’s editors start a draft on an adopted version, and coordinate it', async () => {
      const campaign = await createCampaign({
        title: { fr: 'Campagne 2027', en: '2027 campaign' },
        description: { fr: 'Regards croisés sur nos jardins.' },
      });
      expect(campaign).toMatchObject({
        frameworkId: framework.id,
        lineageId: framework.lineageId,
        frameworkVersion: 1,
        title: { fr: 'Campagne 2027', en: '2027 campaign' },
        description: { fr: 'Regards croisés sur nos jardins.' },
        status: 'draft',
        startsOn: '2027-01-15',
        endsOn: '2027-06-30',
        subjectsCount: 0,
        stakeholderCriteria: [],
        myRoles: ['coordinator'],
        createdBy: maelle.personId,
        openedAt: null,
        reviewAt: null,
        closedAt: null,
      });
      expect((await people(campaign.id, maelle)).data).toEqual([
        {
          campaignId: campaign.id,
          personId: maelle.personId,
          name: 'Maëlle Brunet',
          role: 'coordinator',
          addedBy: maelle.personId,
          addedAt: expect.any(String),
        },
      ]);
      // Platform admins too.
      expect((await createCampaign({}, admin)).myRoles).toEqual(['coordinator']);
    });

    it('answers a retry with the same Idempotency-Key with the first campaign', async () => {
      const key = `create-${randomUUID()}`;
      const body = {
        frameworkId: framework.id,
        title: { fr: 'Rejouée' },
        startsOn: '2027-02-01',
        endsOn: '2027-02-01',
      };
      const first = await ask<Campaign>('evaluations.campaign.create', body, maelle, key);
      const again = await ask<Campaign>('evaluations.campaign.create', body, maelle, key);
      expect(again.id).toBe(first.id);
    });

    it('refuses a draft version, an unknown one, a period ending before it starts, and non-editors, changing nothing', async () => {
      const draft = await refused(() => createCampaign({ frameworkId: draftVersion.id }));
      expect(draft.code).toBe('validation_failed');
      expect(draft.errors).toEqual([
        { path: 'frameworkId', message: 'Version 2 of this framework is a draft: a campaign uses an adopted version.' },
      ]);
      const unknown = await refused(() => createCampaign({ frameworkId: randomUUID() }));
      expect(unknown.errors).toEqual([{ path: 'frameworkId', message: 'No such framework.' }]);
      // A draft someone does not edit does not exist for them.
      expect((await refused(() => createCampaign({ frameworkId: draftVersion.id }, ines))).errors).toEqual([
        { path: 'frameworkId', message: 'No such framework.' },
      ]);
      const backwards = await refused(() => createCampaign({ startsOn: '2027-06-30', endsOn: '2027-01-15' }));
      expect(backwards.code).toBe('validation_failed');
      expect(backwards.errors?.map((e) => e.path)).toEqual(['endsOn']);
      expect((await refused(() => createCampaign({}, ines))).code).toBe('forbidden');
      expect((await refused(() => createCampaign({}, null))).code).toBe('unauthenticated');
      expect((await refused(() => createCampaign({ startsOn: '15/01/2027' }))).errors?.map((e) => e.path)).toEqual([
        'startsOn',
      ]);
    });

    it('follows the lineage’s campaign closed last', async () => {
      const { campaign: first } = await openCampaign();
      expect(first.previousCampaignId).toBeNull();
      await move(first.id, 'review');
      await move(first.id, 'closed');
      const next = await createCampaign();
      expect(next.previousCampaignId).toBe(first.id);
    });
  });

  describe('updating', () => {
    it('lets coordinators change the texts, the period and the criteria asked of stakeholders', async () => {
      const campaign = await createCampaign();
      const updated = await ask<Campaign>(
        'evaluations.campaign.update',
        {
          id: campaign.id,
          title: { fr: 'Campagne de printemps' },
          description: null,
          endsOn: '2027-07-14',
          stakeholderCriteria: [scored.id],
        },
        maelle,
      );
      expect(updated).toMatchObject({
        title: { fr: 'Campagne de printemps' },
        description: null,
        startsOn: '2027-01-15',
        endsOn: '2027-07-14',
        stakeholderCriteria: [scored.id],
      });
      expect(await getCampaign(campaign.id)).toEqual(updated);
    });

    it('refuses criteria stakeholders cannot answer, a period ending before it starts, and others than coordinators', async () => {
      const campaign = await createCampaign();
      const update = (fields: Record<string, unknown>, actor: Actor | null = maelle) =>
        ask('evaluations.campaign.update', { id: campaign.id, ...fields }, actor);
      const criteria = await refused(() =>
        update({ stakeholderCriteria: [scored.id, told.id, draftVersion.dimensions[0].criteria[0].id, scored.id] }),
      );
      expect(criteria.code).toBe('validation_failed');
      expect(criteria.errors).toEqual([
        {
          path: 'stakeholderCriteria.1',
          message: `Criterion ${told.id} has no level scale or yes/no indicator: stakeholders have nothing to answer on it.`,
        },
        {
          path: 'stakeholderCriteria.2',
          message: `${draftVersion.dimensions[0].criteria[0].id} is not a criterion of this campaign’s framework.`,
        },
        { path: 'stakeholderCriteria.3', message: `${scored.id} is listed twice.` },
      ]);
      const period = await refused(() => update({ endsOn: '2027-01-01' }));
      expect(period.errors).toEqual([{ path: 'endsOn', message: 'The campaign ends on or after the day it starts.' }]);
      await addPerson(campaign.id, yanis.personId, 'committee');
      // A draft does not exist for anyone but its coordinators and platform admins, its committee included.
      expect((await refused(() => update({ title: { fr: 'Autre' } }, yanis))).code).toBe('not_found');
      expect((await refused(() => update({ title: { fr: 'Autre' } }, ines))).code).toBe('not_found');
      await addSubject(campaign.id, jardins.id);
      await move(campaign.id, 'open');
      expect((await refused(() => update({ title: { fr: 'Autre' } }, yanis))).code).toBe('forbidden');
      expect((await refused(() => update({ title: { fr: 'Autre' } }, null))).code).toBe('unauthenticated');
      expect((await refused(() => update({ status: 'closed' }))).code).toBe('validation_failed');
    });
  });

  describe('states', () => {
    it('moves draft → open → review → closed, stamped and announced', async () => {
      const campaign = await createCampaign();
      const noSubject = await refused(() => move(campaign.id, 'open'));
      expect(noSubject).toMatchObject({
        code: 'validation_failed',
        message: 'A campaign opens with one subject at least.',
        errors: [{ path: 'to', message: 'Add the organisations the campaign assesses before opening it.' }],
      });
      await addSubject(campaign.id, jardins.id);
      const opened = await move(campaign.id, 'open');
      expect(opened).toMatchObject({ status: 'open', subjectsCount: 1, openedAt: expect.any(String), reviewAt: null });
      const reviewed = await move(campaign.id, 'review');
      expect(reviewed).toMatchObject({ status: 'review', reviewAt: expect.any(String), closedAt: null });
      const closed = await move(campaign.id, 'closed');
      expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      const events = await stateEvents(campaign.id);
      expect(events.map((e) => e.data)).toEqual(
        ['open', 'review', 'closed'].map((status) => ({
          campaignId: campaign.id,
          status,
          lineageId: framework.lineageId,
        })),
      );
      expect(events[0]).toMatchObject({
        type: 'evaluations.campaign.stateChanged',
        actor: { personId: maelle.personId },
      });
    });

    it('refuses any other move, with where the campaign is and where it was asked to go', async () => {
      const { campaign } = await openCampaign();
      const skip = await refused(() => move(campaign.id, 'closed'));
      expect(skip).toMatchObject({ code: 'campaign_state', details: { status: 'open', to: 'closed' } });
      expect((await refused(() => move(campaign.id, 'open'))).details).toEqual({ status: 'open', to: 'open' });
      expect((await refused(() => move(campaign.id, 'draft'))).code).toBe('validation_failed');
      await move(campaign.id, 'review');
      await move(campaign.id, 'closed');
      expect((await refused(() => move(campaign.id, 'open'))).details).toEqual({ status: 'closed', to: 'open' });
      expect((await refused(() => move(campaign.id, 'review', yanis))).code).toBe('forbidden');
      expect((await refused(() => move(campaign.id, 'review', null))).code).toBe('unauthenticated');
    });

    it('changes the period and the stakeholders’ criteria only while draft or open, and nothing once closed', async () => {
      const { campaign } = await openCampaign();
      const update = (fields: Record<string, unknown>) =>
        ask<Campaign>('evaluations.campaign.update', { id: campaign.id, ...fields }, maelle);
      expect((await update({ startsOn: '2027-02-01', stakeholderCriteria: [scored.id] })).startsOn).toBe('2027-02-01');
      await move(campaign.id, 'review');
      expect((await refused(() => update({ endsOn: '2027-12-31' }))).details).toEqual({ status: 'review' });
      expect((await refused(() => update({ stakeholderCriteria: [] }))).code).toBe('campaign_state');
      expect((await update({ title: { fr: 'Campagne relue' } })).title).toEqual({ fr: 'Campagne relue' });
      await move(campaign.id, 'closed');
      const closed = await refused(() => update({ title: { fr: 'Trop tard' } }));
      expect(closed).toMatchObject({ code: 'campaign_state', details: { status: 'closed' } });
    });

    it('forgets where the stakeholders’ responses came from once closed', async () => {
      const { campaign, subject } = await openCampaign();
      const responseId = randomUUID();
      await db()
        .insertInto('stakeholder_responses')
        .values({
          id: responseId,
          campaign_id: campaign.id,
          subject_id: subject.id,
          relation: 'user',
          source_key: 'k1',
        })
        .execute();
      await move(campaign.id, 'review');
      const sourceOf = () =>
        db()
          .selectFrom('stakeholder_responses')
          .select('source_key')
          .where('id', '=', responseId)
          .executeTakeFirstOrThrow();
      expect((await sourceOf()).source_key).toBe('k1');
      await move(campaign.id, 'closed');
      expect((await sourceOf()).source_key).toBeNull();
    });
  });

  describe('people', () => {
    it('are named by coordinators, once each role, and must have an account', async () => {
      const campaign = await createCampaign();
      const named = await addPerson(campaign.id, yanis.personId, 'committee');
      expect(named).toEqual({
        campaignId: campaign.id,
        personId: yanis.personId,
        name: 'Yanis Ferrand',
        role: 'committee',
        addedBy: maelle.personId,
        addedAt: expect.any(String),
      });
      expect((await refused(() => addPerson(campaign.id, yanis.personId, 'committee'))).code).toBe('conflict');
      const unknown = await refused(() => addPerson(campaign.id, randomUUID(), 'committee'));
      expect(unknown).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'personId', message: 'No such person.' }],
      });
      // The committee does not see a draft; once it is open, it sees it but names no one.
      expect((await refused(() => addPerson(campaign.id, ines.personId, 'committee', yanis))).code).toBe('not_found');
      expect((await refused(() => addPerson(campaign.id, ines.personId, 'chair'))).code).toBe('validation_failed');
      expect((await people(campaign.id, maelle)).data.map((p) => [p.name, p.role])).toEqual([
        ['Maëlle Brunet', 'coordinator'],
        ['Yanis Ferrand', 'committee'],
      ]);
      await addSubject(campaign.id, jardins.id);
      await move(campaign.id, 'open');
      expect((await refused(() => addPerson(campaign.id, ines.personId, 'committee', yanis))).code).toBe('forbidden');
      // A deleted account is no person any more.
      const gone = await registerPerson(client, as(null), 'Ambre Vasseur', { username: 'ambre' });
      await client.request('members.privacy.delete', { personId: gone.personId }, as(gone));
      // Evaluations hears of the deletion (and records the name it signs with) before the refusal is checked.
      await eventually(async () =>
        expect(
          await db()
            .selectFrom('authors')
            .select('display_name')
            .where('person_id', '=', gone.personId)
            .executeTakeFirst(),
        ).toEqual({ display_name: 'Compte supprimé' }),
      );
      expect((await refused(() => addPerson(campaign.id, gone.personId, 'committee'))).errors).toEqual([
        { path: 'personId', message: 'No such person.' },
      ]);
    });

    it('are named by nickname too, whatever its case; a nickname of nobody names no one', async () => {
      const campaign = await createCampaign();
      const byNickname = (nickname: string, role = 'committee') =>
        ask<CampaignPerson>('evaluations.campaignPerson.add', { campaignId: campaign.id, nickname, role }, maelle);
      expect(await byNickname('Yanis')).toEqual({
        campaignId: campaign.id,
        personId: yanis.personId,
        name: 'Yanis Ferrand',
        role: 'committee',
        addedBy: maelle.personId,
        addedAt: expect.any(String),
      });
      const noSuchPerson = [{ path: 'nickname', message: 'No such person.' }];
      const unknown = await refused(() => byNickname('personne-inconnue'));
      expect(unknown).toMatchObject({ code: 'validation_failed', errors: noSuchPerson });
      // A deleted account's nickname is nobody's any more.
      const gone = await registerPerson(client, as(null), 'Capucine Delorme', { username: 'capucine' });
      await client.request('members.privacy.delete', { personId: gone.personId }, as(gone));
      // Evaluations records the name the deletion signs with before the refusal is checked.
      await eventually(async () =>
        expect(
          await db().selectFrom('authors').select('person_id').where('person_id', '=', gone.personId).execute(),
        ).toHaveLength(1),
      );
      expect((await refused(() => byNickname('capucine'))).errors).toEqual(noSuchPerson);
      // Exactly one of an id and a nickname.
      const oneOfThem = [{ path: 'nickname', message: 'give either a nickname or a personId' }];
      const both = { campaignId: campaign.id, personId: ines.personId, nickname: 'ines', role: 'committee' };
      expect((await refused(() => ask('evaluations.campaignPerson.add', both, maelle))).errors).toEqual(oneOfThem);
      const neither = { campaignId: campaign.id, role: 'committee' };
      expect((await refused(() => ask('evaluations.campaignPerson.add', neither, maelle))).errors).toEqual(oneOfThem);
    });

    it('keep a coordinator: the last one is not removed', async () => {
      const campaign = await createCampaign();
      const remove = (personId: string, role: string) =>
        ask<{ removed: boolean }>(
          'evaluations.campaignPerson.remove',
          { campaignId: campaign.id, personId, role },
          maelle,
        );
      const last = await refused(() => remove(maelle.personId, 'coordinator'));
      expect(last).toMatchObject({
        code: 'conflict',
        message: 'This is the campaign’s last coordinator: name another one first.',
      });
      await addPerson(campaign.id, yanis.personId, 'coordinator');
      expect(await remove(yanis.personId, 'committee')).toEqual({ removed: false });
      expect(await remove(maelle.personId, 'coordinator')).toEqual({ removed: true });
      // Maëlle runs it no more; Yanis does.
      expect((await refused(() => addPerson(campaign.id, ines.personId, 'committee'))).code).toBe('not_found');
      expect((await getCampaign(campaign.id, yanis)).myRoles).toEqual(['coordinator']);
    });
  });

  describe('subjects', () => {
    it('are organisations the network knows, added once by coordinators while draft or open', async () => {
      const campaign = await createCampaign();
      const subject = await addSubject(campaign.id, jardins.id);
      expect(subject).toEqual({
        id: expect.any(String),
        campaignId: campaign.id,
        organizationId: jardins.id,
        name: 'Les Jardins du Faubourg',
        shownInResults: false,
        peers: [],
        myRoles: ['coordinator'],
        progress: { self: 'none', peersSubmitted: 0, peersAssigned: 0, committee: 'none' },
        addedAt: expect.any(String),
      });
      expect((await refused(() => addSubject(campaign.id, jardins.id))).code).toBe('conflict');
      const unknown = await refused(() => addSubject(campaign.id, randomUUID()));
      expect(unknown).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'organizationId', message: 'No such organisation.' }],
      });
      expect((await refused(() => addSubject(campaign.id, coop.id, ines))).code).toBe('not_found');
      await move(campaign.id, 'open');
      expect((await refused(() => addSubject(campaign.id, coop.id, ines))).code).toBe('forbidden');
      await addSubject(campaign.id, coop.id);
      await move(campaign.id, 'review');
      expect((await refused(() => addSubject(campaign.id, ressourcerie.id))).details).toEqual({ status: 'review' });
      expect((await getCampaign(campaign.id)).subjectsCount).toBe(2);
    });

    it('are taken out, with their peers, only while the campaign is a draft', async () => {
      const campaign = await createCampaign();
      const subject = await addSubject(campaign.id, jardins.id);
      await assign(subject.id, theo.personId);
      const keep = await addSubject(campaign.id, coop.id);
      expect(await ask('evaluations.subject.remove', { id: subject.id }, maelle)).toEqual({ removed: true });
      expect(
        await db().selectFrom('peer_assignments').selectAll().where('subject_id', '=', subject.id).execute(),
      ).toEqual([]);
      await move(campaign.id, 'open');
      const open = await refused(() => ask('evaluations.subject.remove', { id: keep.id }, maelle));
      expect(open).toMatchObject({ code: 'campaign_state', details: { status: 'open' } });
      // The REST path's campaign must be the subject's.
      expect(
        (await refused(() => ask('evaluations.subject.get', { id: keep.id, campaignId: randomUUID() }, maelle))).code,
      ).toBe('not_found');
    });

    it('tell where their assessments stand', async () => {
      const { subject } = await openCampaign();
      await assign(subject.id, theo.personId);
      await assign(subject.id, yanis.personId);
      await insertAssessment(subject, 'self', 'submitted');
      await insertAssessment(subject, 'peer', 'submitted', theo.personId);
      await insertAssessment(subject, 'peer', 'draft', yanis.personId);
      await insertAssessment(subject, 'committee', 'draft');
      expect((await getSubject(subject.id, maelle)).progress).toEqual({
        self: 'submitted',
        peersSubmitted: 1,
        peersAssigned: 2,
        committee: 'draft',
      });
    });
  });

  describe('consent to be named in results', () => {
    it('is given or withdrawn by the organisation’s admins or the coordinators, in any state', async () => {
      const { campaign, subject } = await openCampaign();
      await assign(subject.id, theo.personId);
      const consent = (shownInResults: boolean, actor: Actor | null) =>
        ask<Subject>('evaluations.subject.consent', { id: subject.id, shownInResults }, actor);
      expect((await consent(true, lucie)).shownInResults).toBe(true);
      expect((await refused(() => consent(false, nina))).code).toBe('forbidden');
      expect((await refused(() => consent(false, theo))).code).toBe('forbidden');
      expect((await refused(() => consent(false, ines))).code).toBe('not_found');
      expect((await refused(() => consent(false, null))).code).toBe('unauthenticated');
      await move(campaign.id, 'review');
      await move(campaign.id, 'closed');
      expect((await consent(false, maelle)).shownInResults).toBe(false);
      expect((await consent(true, lucie)).shownInResults).toBe(true);
    });
  });

  describe('peers', () => {
    it('are people of other organisations, assigned once by coordinators', async () => {
      const { subject } = await openCampaign();
      const assigned = await assign(subject.id, theo.personId);
      expect(assigned).toEqual({
        subjectId: subject.id,
        personId: theo.personId,
        name: 'Théo Garnier',
        assignedBy: maelle.personId,
        assignedAt: expect.any(String),
      });
      expect((await refused(() => assign(subject.id, theo.personId))).code).toBe('conflict');
      const own = await refused(() => assign(subject.id, nina.personId));
      expect(own).toMatchObject({
        code: 'own_organization',
        message: 'This person is a member of the organisation assessed: peers come from other organisations.',
      });
      expect((await refused(() => assign(subject.id, lucie.personId))).code).toBe('own_organization');
      expect((await refused(() => assign(subject.id, randomUUID()))).errors).toEqual([
        { path: 'personId', message: 'No such person.' },
      ]);
      // Théo visits: he reads the subject, but assigns no one.
      expect((await refused(() => assign(subject.id, ines.personId, theo))).code).toBe('forbidden');
      expect((await getSubject(subject.id, lucie)).peers).toEqual([{ personId: theo.personId, name: 'Théo Garnier' }]);
      expect(
        (await ask<{ data: PeerAssignment[] }>('evaluations.peer.list', { subjectId: subject.id }, nina)).data,
      ).toEqual([assigned]);
      expect((await refused(() => ask('evaluations.peer.list', { subjectId: subject.id }, theo))).code).toBe(
        'forbidden',
      );
    });

    it('are assigned by nickname too; a nickname of nobody assigns no one', async () => {
      const { subject } = await openCampaign();
      const byNickname = (nickname: string) =>
        ask<PeerAssignment>('evaluations.peer.assign', { subjectId: subject.id, nickname }, maelle);
      expect(await byNickname('theo')).toEqual({
        subjectId: subject.id,
        personId: theo.personId,
        name: 'Théo Garnier',
        assignedBy: maelle.personId,
        assignedAt: expect.any(String),
      });
      expect((await refused(() => byNickname('nina'))).code).toBe('own_organization');
      expect((await refused(() => byNickname('personne-inconnue'))).errors).toEqual([
        { path: 'nickname', message: 'No such person.' },
      ]);
    });

    it('are unassigned with their draft, not once they submitted, and only while draft or open', async () => {
      const { campaign, subject } = await openCampaign();
      await assign(subject.id, theo.personId);
      await assign(subject.id, ines.personId);
      const draft = await insertAssessment(subject, 'peer', 'draft', theo.personId);
      await insertAssessment(subject, 'peer', 'submitted', ines.personId);
      expect(await unassign(subject.id, theo.personId)).toEqual({ removed: true });
      expect(await db().selectFrom('assessments').select('id').where('id', '=', draft).execute()).toEqual([]);
      expect(await unassign(subject.id, theo.personId)).toEqual({ removed: false });
      const submitted = await refused(() => unassign(subject.id, ines.personId));
      expect(submitted.code).toBe('assessment_submitted');
      expect((await refused(() => unassign(subject.id, ines.personId, lucie))).code).toBe('forbidden');
      await move(campaign.id, 'review');
      expect((await refused(() => assign(subject.id, theo.personId))).details).toEqual({ status: 'review' });
      expect((await refused(() => unassign(subject.id, ines.personId))).code).toBe('campaign_state');
    });
  });

  describe('who sees what', () => {
    let campaign: Campaign;
    let draft: Campaign;
    let subjectA: Subject;
    let subjectB: Subject;

    beforeAll(async () => {
      ({ campaign, subject: subjectA } = await openCampaign({ title: { fr: 'Campagne des regards croisés' } }));
      subjectB = await addSubject(campaign.id, coop.id);
      await addPerson(campaign.id, yanis.personId, 'committee');
      await assign(subjectA.id, theo.personId);
      draft = await createCampaign({ title: { fr: 'Campagne en préparation' } });
      await addSubject(draft.id, jardins.id);
    });

    const who = {
      coordinator: () => maelle,
      committee: () => yanis,
      'subject member': () => nina,
      'assigned peer': () => theo,
      'unassigned participant': () => ines,
      anonymous: () => null,
    };
    type Who = keyof typeof who;
    // Subjects by name: the Coop (B) before the Jardins (A).
    const cases: [
      Who,
      { subjects: ('A' | 'B')[]; peersTold: boolean; people: string; myRoles: string[]; mine: boolean },
    ][] = [
      ['coordinator', { subjects: ['B', 'A'], peersTold: true, people: 'ok', myRoles: ['coordinator'], mine: true }],
      ['committee', { subjects: ['B', 'A'], peersTold: true, people: 'ok', myRoles: ['committee'], mine: true }],
      ['subject member', { subjects: ['A'], peersTold: true, people: 'ok', myRoles: ['member'], mine: true }],
      ['assigned peer', { subjects: ['A'], peersTold: false, people: 'ok', myRoles: ['peer'], mine: true }],
      ['unassigned participant', { subjects: [], peersTold: false, people: 'forbidden', myRoles: [], mine: false }],
      ['anonymous', { subjects: [], peersTold: false, people: 'unauthenticated', myRoles: [], mine: false }],
    ];

    it.each(cases)('the %s', async (role, expected) => {
      const actor = who[role]();
      const byName = { A: subjectA, B: subjectB };
      expect((await getCampaign(campaign.id, actor)).myRoles).toEqual(expected.myRoles);
      expect(await listIds(actor)).toContain(campaign.id);
      expect((await listIds(actor, { mine: true })).includes(campaign.id)).toBe(expected.mine);

      const listed = await listSubjects(campaign.id, actor);
      expect(listed.data.map((s) => s.id)).toEqual(expected.subjects.map((key) => byName[key].id));
      expect(listed.meta.total).toBe(expected.subjects.length);
      for (const key of ['A', 'B'] as const) {
        if (expected.subjects.includes(key)) {
          const subject = await getSubject(byName[key].id, actor);
          expect(subject.id).toBe(byName[key].id);
        } else {
          expect((await refused(() => getSubject(byName[key].id, actor))).code).toBe('not_found');
        }
      }
      if (expected.subjects.includes('A')) {
        const a = await getSubject(subjectA.id, actor);
        expect(a.peers).toEqual(expected.peersTold ? [{ personId: theo.personId, name: 'Théo Garnier' }] : null);
      }

      if (expected.people === 'ok') {
        expect((await people(campaign.id, actor)).data.map((p) => p.role)).toEqual(['coordinator', 'committee']);
      } else {
        expect((await refused(() => people(campaign.id, actor))).code).toBe(expected.people);
      }

      // A draft is its coordinators' (and platform admins') only.
      if (role === 'coordinator') {
        expect((await getCampaign(draft.id, actor)).status).toBe('draft');
        expect(await listIds(actor, { status: 'draft' })).toContain(draft.id);
      } else {
        expect((await refused(() => getCampaign(draft.id, actor))).code).toBe('not_found');
        expect(await listIds(actor, { status: 'draft' })).not.toContain(draft.id);
        expect((await refused(() => listSubjects(draft.id, actor))).code).toBe('not_found');
      }
    });

    it('shows platform admins everything, drafts included', async () => {
      expect((await getCampaign(draft.id, admin)).myRoles).toEqual([]);
      expect((await listSubjects(campaign.id, admin)).data).toHaveLength(2);
      expect(await listIds(admin, { status: 'draft' })).toContain(draft.id);
    });

    it('sorts by title and by start date', async () => {
      const page = await ask<Page<Campaign>>('evaluations.campaign.list', { sort: 'starts', perPage: 100 }, admin);
      const starts = page.data.map((c) => c.startsOn);
      expect(starts).toEqual([...starts].sort());
      const titled = await ask<Page<Campaign>>('evaluations.campaign.list', { sort: 'title', status: 'open' }, null);
      expect(titled.data.length).toBeGreaterThan(0);
      expect(titled.data.every((c) => c.status === 'open')).toBe(true);
      expect((await refused(() => ask('evaluations.campaign.list', { sort: 'size' }, null))).code).toBe(
        'validation_failed',
      );
    });
  });

  describe('personal data', () => {
    it('exports a person’s campaign roles and visits; a deleted account leaves them, its submitted work stays', async () => {
      const gael = await registerPerson(client, as(null), 'Gaël Fournier', { username: 'gael' });
      const exportOf = () =>
        ask<{ data: Record<string, unknown> }>('evaluations.privacy.export', { personId: gael.personId }, gael);
      expect((await exportOf()).data).toEqual({});
      const { campaign, subject } = await openCampaign();
      await addPerson(campaign.id, gael.personId, 'committee');
      await assign(subject.id, gael.personId);
      const submitted = await insertAssessment(subject, 'peer', 'submitted', gael.personId);
      expect((await exportOf()).data).toEqual({
        campaignRoles: [{ campaignId: campaign.id, role: 'committee', addedAt: expect.any(String) }],
        peerAssignments: [
          {
            campaignId: campaign.id,
            subjectId: subject.id,
            organizationId: jardins.id,
            assignedAt: expect.any(String),
          },
        ],
        assessments: [
          {
            id: submitted,
            kind: 'peer',
            campaignId: campaign.id,
            subjectId: subject.id,
            proposalId: null,
            status: 'submitted',
            createdAt: expect.any(String),
            submittedAt: expect.any(String),
          },
        ],
        name: 'Gaël Fournier',
      });

      await client.request('members.privacy.delete', { personId: gael.personId }, as(gael));
      await eventually(async () => {
        expect((await people(campaign.id, maelle)).data.map((p) => p.personId)).toEqual([maelle.personId]);
        expect((await getSubject(subject.id, maelle)).peers).toEqual([]);
      });
      const kept = await db().selectFrom('assessments').select('status').where('id', '=', submitted).execute();
      expect(kept).toEqual([{ status: 'submitted' }]);
      const name = await db()
        .selectFrom('authors')
        .select('display_name')
        .where('person_id', '=', gael.personId)
        .executeTakeFirstOrThrow();
      expect(name.display_name).toBe('Compte supprimé');
    });
  });
});
