// Moderation: reports, automatic hiding, moderators' decisions, blocks and the activity log, with
// members, processes and proposals as their own processes, against real Postgres and NATS.
import type { Actor, Comment, Debate, Moderation, Process, Proposal, Report } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, registerPerson } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { DebatesDatabase } from '../src/db/schema';
import { openPhase, startDebatesRun, type DebatesRun } from './support/start-debates-run';

jest.setTimeout(90_000);

type Refusal = { code: string; errors?: { path: string }[] };

describe('moderation', () => {
  let debatesRun: DebatesRun;
  let debates: RunningService;
  let db: Kysely<DebatesDatabase>;
  let client: ServiceClient;
  let admin: Actor;
  let moderatorA: Actor;
  let alice: Actor;
  let bob: Actor;
  let reporters: Actor[];
  let processA: Process;
  let processB: Process;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `moderation-${++seq}` });

  /** What events carry across services, given time for a loaded machine. */
  const settled = <T>(assertion: () => Promise<T>) => eventually(assertion, 15_000);
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0].n;
  const reportCount = () => count(sql<{ n: number }>`select count(*)::int as n from reports`);
  const moderationCount = () => count(sql<{ n: number }>`select count(*)::int as n from moderations`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const moderatedEvents = (resourceId: string) =>
    count(sql<{ n: number }>`select count(*)::int as n from outbox
      where type = 'debates.content.moderated' and envelope->'data'->>'resourceId' = ${resourceId}`);
  const logEntries = (resourceId: string, action?: string) =>
    db
      .selectFrom('activity_log')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .$if(action !== undefined, (q) => q.where('action', '=', action!))
      .execute();

  const report = (
    actor: Actor | null,
    resourceType: 'proposal' | 'debate' | 'comment' | 'person',
    resourceId: string,
    reason = 'spam',
    details?: string,
  ) =>
    client.request(
      'debates.report.create',
      { resourceType, resourceId, reason, ...(details === undefined ? {} : { details }) } as never,
      as(actor),
    ) as Promise<Report>;
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = async (request: () => Promise<unknown>): Promise<Refusal> => {
    const before = [await reportCount(), await moderationCount(), await outboxCount()];
    const error = await request().then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Refusal,
    );
    expect([await reportCount(), await moderationCount(), await outboxCount()]).toEqual(before);
    return error;
  };
  const newDebate = (processId: string, author: Actor = alice) =>
    client.request(
      'debates.debate.create',
      {
        processId,
        title: 'Un tiers-lieu dans l’ancienne gare ?',
        description: 'Ateliers partagés, café associatif, permanences : qu’en pensez-vous ?',
      } as never,
      as(author),
    ) as Promise<Debate>;
  const comment = (actor: Actor, resourceType: 'debate' | 'proposal', resourceId: string, body: string) =>
    client.request('debates.comment.create', { resourceType, resourceId, body }, as(actor)) as Promise<Comment>;
  const thread = (resourceType: 'debate' | 'proposal', resourceId: string) =>
    client.request('debates.comment.list', { resourceType, resourceId } as never, as(null));
  const moderationOf = async (resourceId: string) =>
    (await db.selectFrom('moderations').select('id').where('resource_id', '=', resourceId).executeTakeFirstOrThrow())
      .id;
  const act = (action: 'hide' | 'unhide' | 'dismiss', actor: Actor, id: string, justification?: string) =>
    client.request(
      `debates.moderation.${action}`,
      { id, ...(justification ? { justification } : {}) },
      as(actor),
    ) as Promise<Moderation>;
  const newProcess = async (title: string) => {
    const process = await client.request(
      'processes.process.create',
      { title: { fr: title }, description: { fr: 'Concerter.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id, {
      proposals: { creationEnabled: true },
      debates: { creationEnabled: true },
    });
    return process;
  };

  beforeAll(async () => {
    debatesRun = await startDebatesRun('moderation', { withProposals: true });
    ({ debates, client } = debatesRun);
    db = debates.db as unknown as Kysely<DebatesDatabase>;
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    moderatorA = await signIn('modo', 'Modération Gare');
    alice = await signIn('alice', 'Alice Vernadet');
    bob = await signIn('bob', 'Bob Lestrade');
    reporters = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(`r${i}`, `Habitant ${i}`)));
    processA = await newProcess('La gare en commun');
    processB = await newProcess('Le marché du samedi');
    await client.request(
      'processes.role.assign',
      { processId: processA.id, personId: moderatorA.personId, role: 'moderator' },
      as(admin),
    );
  });

  afterAll(() => debatesRun?.stop());

  it('refuses bad reports with a clear problem and changes nothing', async () => {
    const debate = await newDebate(processA.id);
    const mine = await comment(alice, 'debate', debate.id, 'Un café associatif, oui !');
    const strange = await refused(() => report(bob, 'comment', mine.id, 'boring'));
    expect(strange).toMatchObject({ code: 'validation_failed', errors: [{ path: 'reason' }] });
    const long = await refused(() => report(bob, 'comment', mine.id, 'spam', 'x'.repeat(1001)));
    expect(long).toMatchObject({ code: 'validation_failed', errors: [{ path: 'details' }] });
    const kind = await refused(() => report(bob, 'organization' as 'person', mine.id));
    expect(kind).toMatchObject({ code: 'validation_failed', errors: [{ path: 'resourceType' }] });
    for (const type of ['comment', 'debate', 'proposal', 'person'] as const) {
      expect(await refused(() => report(bob, type, randomUUID()))).toMatchObject({ code: 'not_found' });
    }
    expect(await refused(() => report(null, 'comment', mine.id))).toMatchObject({ code: 'unauthenticated' });
    expect(await refused(() => report(alice, 'comment', mine.id))).toMatchObject({ code: 'forbidden' });
    expect(await refused(() => report(alice, 'person', alice.personId))).toMatchObject({ code: 'forbidden' });

    const first = await report(bob, 'comment', mine.id, 'offensive', 'Propos déplacés.');
    expect(first).toMatchObject({ reason: 'offensive', details: 'Propos déplacés.', reporterId: bob.personId });
    const again = await refused(() => report(bob, 'comment', mine.id, 'spam'));
    expect(again).toMatchObject({ code: 'already_reported' });
    const queue = await client.request('debates.moderation.get', { id: first.moderationId }, as(admin));
    expect(queue).toMatchObject({ reportsCount: 1, state: 'reported', excerpt: 'Un café associatif, oui !' });
    expect(queue.reports).toHaveLength(1);
  });

  it('hides a comment exactly once when 20 people report it at the same time, and logs it once', async () => {
    const debate = await newDebate(processA.id);
    const target = await comment(alice, 'debate', debate.id, 'Achetez mes montres à prix cassés !');
    const outcomes = await Promise.allSettled(reporters.map((r) => report(r, 'comment', target.id, 'spam')));
    const refusals = outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as Refusal).code);
    // Those who asked once it was hidden no longer see it; everyone else is counted.
    expect(new Set(refusals)).toEqual(new Set(refusals.length ? ['not_found'] : []));
    const accepted = outcomes.length - refusals.length;
    expect(accepted).toBeGreaterThanOrEqual(3);
    const id = await moderationOf(target.id);
    const moderation = await client.request('debates.moderation.get', { id }, as(admin));
    expect(moderation).toMatchObject({ state: 'hidden', hiddenCause: 'reports', hiddenBy: null });
    expect(moderation.reportsCount).toBe(accepted);
    expect(await moderatedEvents(target.id)).toBe(1);
    expect(await logEntries(target.id)).toEqual([
      expect.objectContaining({ action: 'comment.hidden', actor_id: null, details: { cause: 'reports', reports: 3 } }),
    ]);
    expect((await thread('debate', debate.id)).data.map((c) => c.id)).not.toContain(target.id);
    expect((await client.request('debates.debate.get', { id: debate.id }, as(null))).commentsCount).toBe(0);
    expect(await refused(() => report(bob, 'comment', target.id))).toMatchObject({ code: 'not_found' });
  });

  it('lets a moderator of process A moderate A’s content, and nothing of process B', async () => {
    const debateA = await newDebate(processA.id);
    const debateB = await newDebate(processB.id);
    const inA = await comment(alice, 'debate', debateA.id, 'Le conseil municipal ment.');
    const inB = await comment(alice, 'debate', debateB.id, 'Le marché est une arnaque.');
    const reportA = await report(bob, 'comment', inA.id, 'offensive');
    const reportB = await report(bob, 'comment', inB.id, 'offensive');
    const personReport = await report(bob, 'person', alice.personId, 'spam');

    const queue = await client.request('debates.moderation.list', {} as never, as(moderatorA));
    const ids = queue.data.map((m) => m.id);
    expect(ids).toContain(reportA.moderationId);
    expect(ids).not.toContain(reportB.moderationId);
    expect(ids).not.toContain(personReport.moderationId);
    expect(queue.data.every((m) => m.processId === processA.id)).toBe(true);
    expect(queue.data.find((m) => m.id === reportA.moderationId)).toMatchObject({
      reasons: { offensive: 1, spam: 0, does_not_belong: 0 },
      parentResource: { resourceType: 'debate', resourceId: debateA.id },
    });

    const before = await outboxCount();
    for (const action of ['hide', 'unhide', 'dismiss'] as const) {
      const refusal = await act(action, moderatorA, reportB.moderationId).catch((e: Refusal) => e);
      expect(refusal).toMatchObject({ code: 'role_required' });
    }
    expect(await act('hide', moderatorA, personReport.moderationId).catch((e: Refusal) => e)).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await client
        .request('debates.moderation.list', { processId: processB.id } as never, as(moderatorA))
        .catch((e: Refusal) => e),
    ).toMatchObject({ code: 'role_required' });
    expect(
      await client.request('debates.moderation.list', {} as never, as(bob)).catch((e: Refusal) => e),
    ).toMatchObject({ code: 'role_required' });
    expect(await outboxCount()).toBe(before);
    expect((await thread('debate', debateB.id)).data.map((c) => c.id)).toContain(inB.id);

    const hidden = await act('hide', moderatorA, reportA.moderationId, 'Attaque personnelle.');
    expect(hidden).toMatchObject({ state: 'hidden', hiddenCause: 'moderator', hiddenBy: moderatorA.personId });
    expect((await thread('debate', debateA.id)).data.map((c) => c.id)).not.toContain(inA.id);
    const again = await act('hide', moderatorA, reportA.moderationId, 'Encore.');
    expect(again.justification).toBe('Attaque personnelle.');
    expect(await logEntries(inA.id, 'comment.hidden')).toEqual([
      expect.objectContaining({
        actor_id: moderatorA.personId,
        actor_name: 'Modération Gare',
        reason: 'Attaque personnelle.',
      }),
    ]);

    const shown = await act('unhide', moderatorA, reportA.moderationId);
    expect(shown).toMatchObject({ state: 'cleared', reportsCount: 0, hiddenAt: null });
    expect((await thread('debate', debateA.id)).data.map((c) => c.id)).toContain(inA.id);

    // Platform admins moderate everything, people included.
    const dismissed = await act('dismiss', admin, reportB.moderationId, 'Critique, pas insulte.');
    expect(dismissed).toMatchObject({ state: 'cleared', reportsCount: 0 });
    expect((await act('dismiss', admin, personReport.moderationId)).state).toBe('cleared');
    expect(await logEntries(inB.id, 'comment.reportsDismissed')).toHaveLength(1);
  });

  it('hides a debate with its comments, and a proposal with its comments in every service', async () => {
    const debate = await newDebate(processA.id);
    await comment(bob, 'debate', debate.id, 'Une réponse.');
    const debateReport = await report(bob, 'debate', debate.id, 'does_not_belong');
    await act('hide', moderatorA, debateReport.moderationId, 'Hors sujet.');
    expect(
      await client.request('debates.debate.get', { id: debate.id }, as(null)).catch((e: Refusal) => e),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(await thread('debate', debate.id).catch((e: Refusal) => e)).toMatchObject({ code: 'not_found' });

    const proposal: Proposal = await client.request(
      'proposals.proposal.create',
      { processId: processA.id, title: 'Une ressourcerie à la gare', body: 'Réparer plutôt que jeter.' },
      as(alice),
    );
    const onIt = await comment(bob, 'proposal', proposal.id, 'Excellente idée.');
    expect((await thread('proposal', proposal.id)).data.map((c) => c.id)).toEqual([onIt.id]);
    const proposalReport = await report(bob, 'proposal', proposal.id, 'spam');
    expect((await client.request('debates.moderation.get', { id: proposalReport.moderationId }, as(admin))).title).toBe(
      'Une ressourcerie à la gare',
    );
    await act('hide', moderatorA, proposalReport.moderationId, 'Publicité.');
    expect(await thread('proposal', proposal.id).catch((e: Refusal) => e)).toMatchObject({ code: 'not_found' });
    const listed = () =>
      client
        .request('proposals.proposal.list', { processId: processA.id, perPage: 100 } as never, as(null))
        .then((page) => page.data.map((p) => p.id));
    await eventually(async () => expect(await listed()).not.toContain(proposal.id));
    await eventually(async () => {
      const shown = await client.request('proposals.proposal.get', { id: proposal.id }, as(admin));
      expect(shown.commentsCount).toBe(0);
    });
    // Out of reach by its id too, but for those who moderate its process.
    for (const reader of [null, alice, bob]) {
      await expect(client.request('proposals.proposal.get', { id: proposal.id }, as(reader))).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    await expect(client.request('proposals.proposal.get', { id: proposal.id }, as(moderatorA))).resolves.toMatchObject({
      id: proposal.id,
    });

    await act('unhide', moderatorA, proposalReport.moderationId);
    await eventually(async () => expect(await listed()).toContain(proposal.id));
    expect((await thread('proposal', proposal.id)).data.map((c) => c.id)).toEqual([onIt.id]);
  });

  it('takes a hidden proposal out of its process’s and its author’s counts, and back when shown', async () => {
    const process = await newProcess('Le jardin des Cordeliers');
    const author = await registerPerson(client, as(null), 'Dora Mestre', { username: 'dora', roles: ['participant'] });
    const proposal: Proposal = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Des bacs potagers dans la cour', body: 'Cultiver ensemble.' },
      as(author),
    );
    const counts = async () => ({
      process: (await client.request('processes.process.get', { idOrSlug: process.id }, as(admin))).proposalsCount,
      author: (await client.request('members.person.inspect', { id: author.personId }, as(admin))).proposalsCount,
    });
    await eventually(async () => expect(await counts()).toEqual({ process: 1, author: 1 }));
    const reported = await report(bob, 'proposal', proposal.id, 'offensive');
    await act('hide', admin, reported.moderationId, 'Propos injurieux.');
    await eventually(async () => expect(await counts()).toEqual({ process: 0, author: 0 }));
    await act('unhide', admin, reported.moderationId);
    await eventually(async () => expect(await counts()).toEqual({ process: 1, author: 1 }));
  });

  it('blocking hides everything the person wrote, and unblocking restores exactly that', async () => {
    const troll = await registerPerson(client, as(null), 'Compte Perturbateur', { username: 'troll' });
    const debate = await newDebate(processA.id, troll);
    const elsewhere = await newDebate(processB.id);
    const first = await comment(troll, 'debate', elsewhere.id, 'Premier message.');
    const second = await comment(troll, 'debate', elsewhere.id, 'Deuxième message.');
    const proposal: Proposal = await client.request(
      'proposals.proposal.create',
      { processId: processA.id, title: 'Des tags partout', body: 'Sur tous les murs de la gare.' },
      as(troll),
    );
    await settled(async () =>
      expect(
        await db.selectFrom('known_proposals').select('proposal_id').where('proposal_id', '=', proposal.id).execute(),
      ).toHaveLength(1),
    );
    // A moderator hid the second comment for its own sake before the block.
    const secondReport = await report(bob, 'comment', second.id, 'offensive');
    await act('hide', admin, secondReport.moderationId, 'Insulte.');

    await client.request(
      'members.person.block',
      { id: troll.personId, reason: 'Messages injurieux répétés.', hideContent: true },
      as(admin),
    );
    const hiddenIds = async () =>
      (
        await db
          .selectFrom('moderations')
          .select(['resource_id', 'hidden_cause'])
          .where('author_id', '=', troll.personId)
          .where('hidden_at', 'is not', null)
          .execute()
      ).map((r) => `${r.resource_id}:${r.hidden_cause}`);
    await settled(async () =>
      expect((await hiddenIds()).sort()).toEqual(
        [`${debate.id}:block`, `${first.id}:block`, `${proposal.id}:block`, `${second.id}:moderator`].sort(),
      ),
    );
    expect((await thread('debate', elsewhere.id)).data).toEqual([]);
    expect(
      await client.request('debates.debate.get', { id: debate.id }, as(null)).catch((e: Refusal) => e),
    ).toMatchObject({
      code: 'not_found',
    });
    await settled(async () => {
      const page = await client.request(
        'proposals.proposal.list',
        { processId: processA.id, perPage: 100 } as never,
        as(null),
      );
      expect(page.data.map((p) => p.id)).not.toContain(proposal.id);
    });
    const blockedQueue = await client.request(
      'debates.moderation.list',
      { state: 'hidden', hiddenCause: 'block' } as never,
      as(admin),
    );
    expect(blockedQueue.data.map((m) => m.resourceId)).toEqual(
      expect.arrayContaining([debate.id, first.id, proposal.id]),
    );

    await client.request('members.person.unblock', { id: troll.personId }, as(admin));
    await settled(async () => expect(await hiddenIds()).toEqual([`${second.id}:moderator`]));
    expect((await thread('debate', elsewhere.id)).data.map((c) => c.id)).toEqual([first.id]);
    expect((await client.request('debates.debate.get', { id: debate.id }, as(null))).id).toBe(debate.id);
    await settled(async () => {
      const page = await client.request(
        'proposals.proposal.list',
        { processId: processA.id, perPage: 100 } as never,
        as(null),
      );
      expect(page.data.map((p) => p.id)).toContain(proposal.id);
    });

    // The activity log has the block, from members, and what it hid, from here.
    await settled(async () => {
      const log = await client.request(
        'debates.activity.list',
        { resourceId: troll.personId, sort: 'oldest' } as never,
        as(admin),
      );
      expect(log.data.map((e) => [e.service, e.action])).toEqual([
        ['members', 'person.blocked'],
        ['debates', 'person.contentHidden'],
        ['members', 'person.unblocked'],
        ['debates', 'person.contentShown'],
      ]);
      expect(log.data[0]).toMatchObject({
        actorId: admin.personId,
        actorName: 'Coordination',
        reason: 'Messages injurieux répétés.',
        details: { hideContent: true },
      });
    });
  });

  it('keeps the administration actions of every service in a log only platform admins read', async () => {
    await eventually(async () => {
      const roles = await client.request(
        'debates.activity.list',
        { action: 'role.granted', processId: processA.id } as never,
        as(admin),
      );
      expect(roles.data).toEqual([
        expect.objectContaining({
          service: 'processes',
          actorId: admin.personId,
          resourceType: 'person',
          resourceId: moderatorA.personId,
          details: { role: 'moderator' },
        }),
      ]);
    });
    const published = await client.request(
      'debates.activity.list',
      { service: 'processes', action: 'process.published', resourceId: processB.id } as never,
      as(admin),
    );
    expect(published.meta.total).toBe(1);
    expect(
      await client.request('debates.activity.list', {} as never, as(moderatorA)).catch((e: Refusal) => e),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await client.request('debates.activity.list', { from: 'yesterday' } as never, as(admin)).catch((e: Refusal) => e),
    ).toMatchObject({ code: 'validation_failed' });
  });
});
