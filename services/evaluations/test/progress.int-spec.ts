// Progress plans (démarche de progrès) in the evaluations service, with members as its own
// process, in one isolated run against real Postgres and NATS. Organisations and memberships go
// through members' messages (evaluations learns them from events); campaigns, their people,
// subjects and peers are seeded as rows (their use-cases are written elsewhere); the framework
// is built and adopted through evaluations' own messages.
import type {
  Actor,
  Criterion,
  Dimension,
  Framework,
  Membership,
  Organization,
  Page,
  ProgressAction,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { eventually, registerPerson } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { CampaignRole, CampaignStatus } from '../src/campaign/campaign.tables';
import type { EvaluationsDatabase } from '../src/db/schema';
import { startEvaluationsRun, type EvaluationsRun } from './support/start-evaluations-run';
import { refusalsAgainst } from './support/refusals';

jest.setTimeout(60_000);

describe('progress plans', () => {
  let evaluationsRun: EvaluationsRun;
  let db: Kysely<EvaluationsDatabase>;
  let client: ServiceClient;
  let admin: Actor;
  /** Coordinates the reviewed campaign (and the open and closed ones). */
  let coordinator: Actor;
  /** Coordinates the next campaign on the lineage, a draft. */
  let nextCoordinator: Actor;
  let committee: Actor;
  /** Member of the Tanneurs (its first admin). */
  let member: Actor;
  /** Member of the AMAP. */
  let amapMember: Actor;
  /** Assigned to the Tanneurs as a peer in the reviewed campaign. */
  let peer: Actor;
  /** Assigned to the AMAP only. */
  let otherPeer: Actor;
  let outsider: Actor;
  let tanneurs: Organization;
  let amap: Organization;
  let framework: Framework;
  let governance: Criterion;
  let pooling: Criterion;
  /** A criterion of the lineage's next version, which the campaigns do not use. */
  let nextVersionCriterion: Criterion;
  let reviewed: { id: string; tanneurs: string; amap: string };
  let openCampaign: { id: string; tanneurs: string };
  let closedCampaign: { id: string; tanneurs: string };
  let nextCampaign: { id: string; tanneurs: string };
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `progress-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const ask = <T>(pattern: string, body: Record<string, unknown>, actor: Actor | null, key?: string) =>
    client.request(pattern as never, body as never, as(actor, key)) as Promise<T>;

  const inAYear = new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
  const lastMonth = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);
  const action = (fields: Record<string, unknown> = {}) => ({
    campaignId: reviewed.id,
    subjectId: reviewed.tanneurs,
    criterionId: governance.id,
    title: 'Ouvrir le conseil d’administration aux usagers',
    owner: 'Le bureau',
    dueOn: inAYear,
    ...fields,
  });
  const record = (actor: Actor | null, fields: Record<string, unknown> = {}, key?: string) =>
    ask<ProgressAction>('evaluations.progressAction.create', action(fields), actor, key);
  const update = (actor: Actor | null, id: string, fields: Record<string, unknown>) =>
    ask<ProgressAction>('evaluations.progressAction.update', { id, ...fields }, actor);
  const get = (actor: Actor | null, id: string) => ask<ProgressAction>('evaluations.progressAction.get', { id }, actor);
  const list = (actor: Actor | null, query: Record<string, unknown> = {}) =>
    ask<Page<ProgressAction>>('evaluations.progressAction.list', query, actor);

  /** Every progress action, to check that a refusal changed nothing. */
  const state = async () => {
    const { rows } = await sql<{ state: unknown }>`select json_build_object(
        'actions', (select json_agg(a order by id) from progress_actions a),
        'keys', (select count(*) from idempotency_keys)) as state`.execute(db);
    return rows[0].state;
  };
  const refused = refusalsAgainst(state);

  /** A small grid, built and adopted through evaluations' messages as its editors would. */
  const buildFramework = async (): Promise<Framework> => {
    const byAdmin = <T>(pattern: string, body: Record<string, unknown>) => ask<T>(pattern, body, admin);
    const { id: frameworkId } = await byAdmin<Framework>('evaluations.framework.create', {
      title: { fr: 'Grille d’utilité sociale du réseau' },
    });
    const grid = [
      { dimension: 'Gouvernance démocratique', criterion: 'Participation aux décisions' },
      { dimension: 'Coopération', criterion: 'Mutualisation de moyens' },
    ];
    for (const { dimension, criterion } of grid) {
      const { id: dimensionId } = await byAdmin<Dimension>('evaluations.dimension.create', {
        frameworkId,
        title: { fr: dimension },
      });
      const { id: criterionId } = await byAdmin<Criterion>('evaluations.criterion.create', {
        frameworkId,
        dimensionId,
        title: { fr: criterion },
      });
      await byAdmin('evaluations.indicator.create', {
        frameworkId,
        criterionId,
        kind: 'yes_no',
        title: { fr: `${criterion} : c’est fait` },
      });
    }
    return byAdmin<Framework>('evaluations.framework.adopt', { id: frameworkId });
  };

  /** A campaign as its use-cases would leave it: its people, the two organisations as subjects, peers. */
  const seedCampaign = async (
    status: CampaignStatus,
    people: [Actor, CampaignRole][],
    peers: { tanneurs?: Actor[]; amap?: Actor[] } = {},
  ) => {
    const id = randomUUID();
    await db
      .insertInto('campaigns')
      .values({
        id,
        framework_id: framework.id,
        lineage_id: framework.lineageId,
        title: JSON.stringify({ fr: `Campagne ${status} ${seq++}` }),
        status,
        starts_on: '2027-01-04',
        ends_on: '2027-06-30',
        created_by: admin.personId,
      })
      .execute();
    await db
      .insertInto('campaign_people')
      .values(
        people.map(([person, role]) => ({
          campaign_id: id,
          person_id: person.personId,
          role,
          added_by: admin.personId,
        })),
      )
      .execute();
    const subjects = { tanneurs: randomUUID(), amap: randomUUID() };
    await db
      .insertInto('campaign_subjects')
      .values([
        {
          id: subjects.tanneurs,
          campaign_id: id,
          organization_id: tanneurs.id,
          name: tanneurs.name,
          added_by: admin.personId,
        },
        { id: subjects.amap, campaign_id: id, organization_id: amap.id, name: amap.name, added_by: admin.personId },
      ])
      .execute();
    const assignments = [
      ...(peers.tanneurs ?? []).map((p) => ({ subject_id: subjects.tanneurs, person_id: p.personId })),
      ...(peers.amap ?? []).map((p) => ({ subject_id: subjects.amap, person_id: p.personId })),
    ];
    if (assignments.length) {
      await db
        .insertInto('peer_assignments')
        .values(assignments.map((a) => ({ ...a, assigned_by: admin.personId })))
        .execute();
    }
    return { id, ...subjects };
  };

  /** An organisation created by `founder` (its first admin), once evaluations has heard of it and of them. */
  const organisation = async (founder: Actor, name: string): Promise<Organization> => {
    const created = await ask<Organization>('members.organization.create', { name, kind: 'association' }, founder);
    await eventually(async () => {
      await db
        .selectFrom('organization_members')
        .select('person_id')
        .where('organization_id', '=', created.id)
        .where('person_id', '=', founder.personId)
        .executeTakeFirstOrThrow();
      await db.selectFrom('organizations').select('id').where('id', '=', created.id).executeTakeFirstOrThrow();
    });
    return created;
  };

  beforeAll(async () => {
    evaluationsRun = await startEvaluationsRun('progress');
    client = evaluationsRun.client;
    db = evaluationsRun.evaluations.db as unknown as Kysely<EvaluationsDatabase>;
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    coordinator = await signIn('coordination', 'Odile Marchetti');
    nextCoordinator = await signIn('coordination-suivante', 'Bastien Ferrand');
    committee = await signIn('commission', 'Henriette Caussade');
    member = await signIn('tanneurs', 'Maëlle Rouvière');
    amapMember = await signIn('amap', 'Gaspard Lemoine');
    peer = await signIn('pair', 'Solène Vidalenc');
    otherPeer = await signIn('autre-pair', 'Armand Teyssier');
    outsider = await signIn('passant', 'Lucien Brassac');
    tanneurs = await organisation(member, 'Régie de quartier des Tanneurs');
    amap = await organisation(amapMember, 'AMAP du Lodévois');
    framework = await buildFramework();
    [governance, pooling] = framework.dimensions.flatMap((d) => d.criteria);
    const next = await ask<Framework>('evaluations.framework.startVersion', { id: framework.id }, admin);
    nextVersionCriterion = next.dimensions[0].criteria[0];

    const runBy: [Actor, CampaignRole][] = [
      [coordinator, 'coordinator'],
      [committee, 'committee'],
    ];
    reviewed = await seedCampaign('review', runBy, { tanneurs: [peer], amap: [otherPeer] });
    openCampaign = await seedCampaign('open', runBy);
    closedCampaign = await seedCampaign('closed', runBy);
    nextCampaign = await seedCampaign('draft', [[nextCoordinator, 'coordinator']]);
  });

  afterAll(() => evaluationsRun?.stop());

  describe('recording', () => {
    it('lets a subject’s member record an action on a criterion once the campaign is in review', async () => {
      const recorded = await record(member, { description: 'Deux sièges pour les habitants du quartier.' });
      expect(recorded).toEqual({
        id: expect.any(String),
        organizationId: tanneurs.id,
        organizationName: 'Régie de quartier des Tanneurs',
        lineageId: framework.lineageId,
        campaignId: reviewed.id,
        criterionStableId: governance.stableId,
        criterionTitle: { fr: 'Participation aux décisions' },
        title: 'Ouvrir le conseil d’administration aux usagers',
        description: 'Deux sièges pour les habitants du quartier.',
        owner: 'Le bureau',
        dueOn: inAYear,
        status: 'planned',
        statusNote: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        overdue: false,
      });
      expect(await get(member, recorded.id)).toEqual(recorded);
      const row = await db
        .selectFrom('progress_actions')
        .selectAll()
        .where('id', '=', recorded.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ created_by: member.personId, criterion_stable_id: governance.stableId });
    });

    it('lets the campaign’s coordinators and platform admins record one too, also once closed', async () => {
      const byCoordinator = await record(coordinator, { criterionId: pooling.id, owner: 'Équipe mutualisation' });
      expect(byCoordinator).toMatchObject({ criterionStableId: pooling.stableId, owner: 'Équipe mutualisation' });
      const byAdmin = await record(admin, { campaignId: closedCampaign.id, subjectId: closedCampaign.tanneurs });
      expect(byAdmin).toMatchObject({ campaignId: closedCampaign.id, organizationId: tanneurs.id });
    });

    it('answers a retry with the same Idempotency-Key with the first action', async () => {
      const key = `record-${randomUUID()}`;
      const first = await record(member, { title: 'Former les bénévoles à l’animation' }, key);
      const again = await record(member, { title: 'Former les bénévoles à l’animation' }, key);
      expect(again).toEqual(first);
      const rows = await db
        .selectFrom('progress_actions')
        .select('id')
        .where('title', '=', 'Former les bénévoles à l’animation')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('is for the subject’s members and the coordinators only', async () => {
      expect((await refused(() => record(null))).code).toBe('unauthenticated');
      for (const reader of [peer, committee]) {
        const refusal = await refused(() => record(reader));
        expect(refusal.code).toBe('forbidden');
        expect(refusal.message).toContain('members');
      }
      // Those who may not read the subject do not learn it exists.
      for (const stranger of [otherPeer, outsider, nextCoordinator, amapMember]) {
        expect((await refused(() => record(stranger))).code).toBe('not_found');
      }
    });

    it('waits for the review: not while the campaign is open, nor in a draft', async () => {
      const early = await refused(() =>
        record(member, { campaignId: openCampaign.id, subjectId: openCampaign.tanneurs }),
      );
      expect(early).toMatchObject({ code: 'campaign_state', details: { status: 'open' } });
      const draft = await refused(() =>
        record(nextCoordinator, { campaignId: nextCampaign.id, subjectId: nextCampaign.tanneurs }),
      );
      expect(draft).toMatchObject({ code: 'campaign_state', details: { status: 'draft' } });
      // A draft does not exist for anyone but its coordinators.
      const hidden = await refused(() =>
        record(member, { campaignId: nextCampaign.id, subjectId: nextCampaign.tanneurs }),
      );
      expect(hidden.code).toBe('not_found');
    });

    it('refuses a criterion of another version, a subject of another campaign and bad fields, changing nothing', async () => {
      const otherVersion = await refused(() => record(member, { criterionId: nextVersionCriterion.id }));
      expect(otherVersion.code).toBe('validation_failed');
      expect(otherVersion.errors).toEqual([
        { path: 'criterionId', message: 'Not a criterion of the framework version this campaign uses.' },
      ]);
      const otherCampaign = await refused(() => record(member, { subjectId: openCampaign.tanneurs }));
      expect(otherCampaign.code).toBe('not_found');
      const fields = await refused(() =>
        record(member, { title: 'x'.repeat(201), owner: ' ', dueOn: '2027-02-30', description: 'y'.repeat(5001) }),
      );
      expect(fields.code).toBe('validation_failed');
      expect(fields.errors?.map((e) => e.path).sort()).toEqual(['description', 'dueOn', 'owner', 'title']);
      const missing = await refused(() =>
        ask('evaluations.progressAction.create', { campaignId: reviewed.id, title: 'Sans sujet' }, member),
      );
      expect(missing.errors?.map((e) => e.path).sort()).toEqual(['criterionId', 'dueOn', 'owner', 'subjectId']);
    });
  });

  describe('following up', () => {
    it('lets the organisation’s members and the campaign’s coordinators move it on, at any time', async () => {
      const recorded = await record(member, { description: 'Une première étape.' });
      const started = await update(member, recorded.id, {
        status: 'in_progress',
        statusNote: 'Un premier usager siège depuis mars.',
        description: null,
      });
      expect(started).toMatchObject({
        status: 'in_progress',
        statusNote: 'Un premier usager siège depuis mars.',
        description: null,
        title: recorded.title,
        createdAt: recorded.createdAt,
      });
      expect(started.updatedAt > recorded.updatedAt).toBe(true);
      const rescheduled = await update(coordinator, recorded.id, { dueOn: '2028-03-31', owner: 'La direction' });
      expect(rescheduled).toMatchObject({ dueOn: '2028-03-31', owner: 'La direction', status: 'in_progress' });
      // Also long after: on a closed campaign, while the next one is being prepared.
      const closedOne = await record(admin, { campaignId: closedCampaign.id, subjectId: closedCampaign.tanneurs });
      expect(await update(member, closedOne.id, { status: 'done' })).toMatchObject({ status: 'done' });
      expect(await update(admin, closedOne.id, { statusNote: 'Vérifié en commission.' })).toMatchObject({
        statusNote: 'Vérifié en commission.',
      });
    });

    it('is not for its other readers, nor for anyone else', async () => {
      const recorded = await record(member);
      expect((await refused(() => update(null, recorded.id, { status: 'done' }))).code).toBe('unauthenticated');
      // They read it, but did not record it: peers, the committee, the next campaign's coordinators.
      for (const reader of [peer, committee, nextCoordinator]) {
        expect((await refused(() => update(reader, recorded.id, { status: 'done' }))).code).toBe('forbidden');
      }
      for (const stranger of [otherPeer, outsider, amapMember]) {
        expect((await refused(() => update(stranger, recorded.id, { status: 'done' }))).code).toBe('not_found');
      }
      expect((await refused(() => update(member, randomUUID(), { status: 'done' }))).code).toBe('not_found');
      const bad = await refused(() =>
        update(member, recorded.id, { status: 'finished', statusNote: 'z'.repeat(2001), title: '' }),
      );
      expect(bad.code).toBe('validation_failed');
      expect(bad.errors?.map((e) => e.path).sort()).toEqual(['status', 'statusNote', 'title']);
    });

    it('tells an action overdue while it is due before today and neither done nor dropped', async () => {
      const late = await record(member, { dueOn: lastMonth, title: 'Afficher les comptes dans le hall' });
      expect(late.overdue).toBe(true);
      expect((await update(member, late.id, { status: 'in_progress' })).overdue).toBe(true);
      expect(
        (await update(member, late.id, { status: 'dropped', statusNote: 'Remplacé par une réunion.' })).overdue,
      ).toBe(false);
      expect((await update(member, late.id, { status: 'done' })).overdue).toBe(false);
      expect((await update(member, late.id, { status: 'planned', dueOn: inAYear })).overdue).toBe(false);
    });

    it('follows who is a member now: someone who left no longer writes nor reads', async () => {
      const joiner = await registerPerson(client, as(null), 'Rose Aubanel', { username: 'arrivee' });
      const invited = await ask<Membership>(
        'members.membership.invite',
        { organizationId: tanneurs.id, personId: joiner.personId },
        member,
      );
      await ask('members.membership.accept', { id: invited.id }, joiner);
      const membership = () =>
        db
          .selectFrom('organization_members')
          .select('person_id')
          .where('organization_id', '=', tanneurs.id)
          .where('person_id', '=', joiner.personId)
          .executeTakeFirst();
      await eventually(async () => expect(await membership()).toBeDefined());
      const recorded = await record(joiner, { title: 'Un atelier d’accueil des nouveaux' });
      expect((await update(joiner, recorded.id, { status: 'in_progress' })).status).toBe('in_progress');
      await ask('members.membership.leave', { id: invited.id }, joiner);
      await eventually(async () => expect(await membership()).toBeUndefined());
      expect((await refused(() => update(joiner, recorded.id, { status: 'done' }))).code).toBe('not_found');
      expect((await refused(() => get(joiner, recorded.id))).code).toBe('not_found');
      // The organisation keeps it.
      expect((await get(member, recorded.id)).status).toBe('in_progress');
    });
  });

  describe('reading', () => {
    let ofTanneurs: ProgressAction;
    let ofAmap: ProgressAction;
    let ofTanneursLater: ProgressAction;

    beforeAll(async () => {
      await db.deleteFrom('progress_actions').execute();
      ofTanneurs = await record(member, { title: 'Un tableau de bord partagé', dueOn: '2030-01-15' });
      ofAmap = await record(amapMember, {
        subjectId: reviewed.amap,
        criterionId: pooling.id,
        title: 'Partager la chambre froide',
        owner: 'Commission logistique',
        dueOn: '2029-06-01',
      });
      ofTanneursLater = await record(coordinator, {
        criterionId: pooling.id,
        title: 'Mutualiser le véhicule',
        dueOn: '2031-09-30',
      });
      await update(member, ofTanneursLater.id, { status: 'done' });
      ofTanneursLater = await get(member, ofTanneursLater.id);
    });

    it('shows an action to its organisation’s members, the lineage’s coordinators and committee, its peers, admins', async () => {
      for (const reader of [member, coordinator, committee, peer, nextCoordinator, admin]) {
        expect(await get(reader, ofTanneurs.id)).toEqual(ofTanneurs);
      }
      for (const stranger of [otherPeer, outsider, amapMember]) {
        expect((await refused(() => get(stranger, ofTanneurs.id))).code).toBe('not_found');
      }
      expect((await refused(() => get(null, ofTanneurs.id))).code).toBe('unauthenticated');
      // The AMAP's peer reads the AMAP's.
      expect(await get(otherPeer, ofAmap.id)).toEqual(ofAmap);
    });

    it('lists only what the caller may read', async () => {
      const ids = async (actor: Actor, query: Record<string, unknown> = {}) =>
        (await list(actor, query)).data.map((a) => a.id);
      const all = [ofTanneurs.id, ofAmap.id, ofTanneursLater.id];
      expect(await ids(admin)).toEqual([ofAmap.id, ofTanneurs.id, ofTanneursLater.id]);
      expect((await ids(coordinator)).sort()).toEqual([...all].sort());
      expect((await ids(committee)).sort()).toEqual([...all].sort());
      expect(await ids(member)).toEqual([ofTanneurs.id, ofTanneursLater.id]);
      expect(await ids(peer)).toEqual([ofTanneurs.id, ofTanneursLater.id]);
      // The next campaign has both as subjects: its coordinators prepare it with both plans.
      expect(await ids(nextCoordinator)).toEqual([ofAmap.id, ofTanneurs.id, ofTanneursLater.id]);
      expect(await ids(amapMember)).toEqual([ofAmap.id]);
      expect(await ids(otherPeer)).toEqual([ofAmap.id]);
      expect(await list(outsider)).toEqual({ data: [], meta: { total: 0, page: 1, perPage: 25 } });
      expect((await refused(() => list(null))).code).toBe('unauthenticated');
    });

    it('filters by organisation, lineage, campaign and status, sorts and pages', async () => {
      const ids = async (query: Record<string, unknown>) => (await list(admin, query)).data.map((a) => a.id);
      expect(await ids({ organizationId: amap.id })).toEqual([ofAmap.id]);
      expect(await ids({ status: 'done' })).toEqual([ofTanneursLater.id]);
      expect(await ids({ campaignId: reviewed.id, organizationId: tanneurs.id })).toEqual([
        ofTanneurs.id,
        ofTanneursLater.id,
      ]);
      expect(await ids({ lineageId: randomUUID() })).toEqual([]);
      expect(await ids({ lineageId: framework.lineageId, sort: 'recent' })).toEqual([
        ofTanneursLater.id,
        ofAmap.id,
        ofTanneurs.id,
      ]);
      const second = await list(admin, { perPage: 2, page: 2 });
      expect(second.data.map((a) => a.id)).toEqual([ofTanneursLater.id]);
      expect(second.meta).toEqual({ total: 3, page: 2, perPage: 2 });
      const bad = await refused(() => list(admin, { status: 'late', sort: 'title', perPage: 500 }));
      expect(bad.errors?.map((e) => e.path).sort()).toEqual(['perPage', 'sort', 'status']);
    });
  });
});
