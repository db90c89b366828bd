// Comments on debates and proposals, with members, processes and proposals as their own
// processes, in one isolated run against real Postgres and NATS.
import {
  eventSubject,
  type Actor,
  type Comment,
  type CommentThread,
  type Debate,
  type EventEnvelope,
  type Process,
  type Proposal,
} from '@convergences/contracts';
import { domainEvent } from '@convergences/events';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, registerPerson } from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { hideComment, unhideComment } from '../src/comment/hide-comment';
import { hideCommentsOf, unhideCommentsOf } from '../src/comment/hide-comments-of';
import type { DebatesDatabase } from '../src/db/schema';
import { hideDebate } from '../src/debate/hide-debate';
import { openPhase, startDebatesRun, type DebatesRun } from './support/start-debates-run';

jest.setTimeout(60_000);

type Refusal = { code: string; errors?: { path: string }[] };

describe('comments', () => {
  let debatesRun: DebatesRun;
  let debates: RunningService;
  let db: Kysely<DebatesDatabase>;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let process: Process;
  let debate: Debate;
  let proposal: Proposal;
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `comments-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const onDebate = (id: string) => ({ resourceType: 'debate' as const, resourceId: id });
  const onProposal = (id: string) => ({ resourceType: 'proposal' as const, resourceId: id });
  const comment = (
    actor: Actor | null,
    resource: { resourceType: 'debate' | 'proposal'; resourceId: string },
    body: string,
    more: { parentId?: string; alignment?: -1 | 0 | 1 } = {},
    key?: string,
  ) => client.request('debates.comment.create', { ...resource, body, ...more }, as(actor, key));
  const thread = (
    resource: { resourceType: 'debate' | 'proposal'; resourceId: string },
    query: Record<string, unknown> = {},
    actor: Actor | null = null,
  ) => client.request('debates.comment.list', { ...resource, ...query } as never, as(actor));

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0].n;
  const commentCount = () => count(sql<{ n: number }>`select count(*)::int as n from comments`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const countEvents = async (resourceId: string) => {
    const { rows } = await sql<{
      envelope: EventEnvelope<{ count: number; version: number }>;
    }>`select envelope from outbox
      where type = 'debates.commentCount.changed' and envelope->'data'->>'resourceId' = ${resourceId}
      order by (envelope->'data'->>'version')::int`.execute(db);
    return rows.map((r) => r.envelope.data);
  };
  /** Runs a request that must fail, and checks that it changed nothing. */
  const refused = async (request: () => Promise<unknown>): Promise<Refusal> => {
    const [comments, events] = [await commentCount(), await outboxCount()];
    const error = await request().then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => e as Refusal,
    );
    expect(await commentCount()).toBe(comments);
    expect(await outboxCount()).toBe(events);
    return error;
  };
  const newDebate = (processId: string, fields: Record<string, unknown> = {}) =>
    client.request(
      'debates.debate.create',
      {
        processId,
        title: 'Quelle place pour la voiture au village ?',
        description: 'Parkings, zones piétonnes, navettes : parlons-en.',
        ...fields,
      } as never,
      as(alice),
    ) as Promise<Debate>;

  beforeAll(async () => {
    debatesRun = await startDebatesRun('comments', { withProposals: true });
    ({ debates, client } = debatesRun);
    db = debates.db as unknown as Kysely<DebatesDatabase>;
    const signIn = (username: string, displayName: string, roles = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Coordination', ['admin', 'participant']);
    alice = await signIn('alice', 'Alice Vernadet');
    bob = await signIn('bob', 'Bob Lestrade');
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Village en transition' }, description: { fr: 'Débattre.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id, {
      proposals: { creationEnabled: true },
      debates: { creationEnabled: true },
    });
    debate = await newDebate(process.id);
    proposal = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Une navette électrique le samedi', body: 'Vers le marché, depuis les hameaux.' },
      as(bob),
    );
  });

  afterAll(() => debatesRun?.stop());

  it('threads comments three deep: a reply to a third-level comment sits beside it', async () => {
    const top = await comment(alice, onDebate(debate.id), 'Moins de voitures, plus de vie.', { alignment: 1 });
    expect(top).toMatchObject({
      resourceType: 'debate',
      resourceId: debate.id,
      parentId: null,
      depth: 1,
      authorId: alice.personId,
      authorName: 'Alice Vernadet',
      body: 'Moins de voitures, plus de vie.',
      alignment: 1,
      upvotes: 0,
      myVote: null,
      repliesCount: 0,
      edited: false,
      deleted: false,
    });
    const second = await comment(bob, onDebate(debate.id), 'Et les personnes âgées ?', { parentId: top.id });
    const third = await comment(alice, onDebate(debate.id), 'Une navette à la demande.', { parentId: second.id });
    const fourth = await comment(bob, onDebate(debate.id), 'Qui la finance ?', { parentId: third.id });
    expect(second).toMatchObject({ depth: 2, parentId: top.id, replyToId: null, alignment: null });
    expect(third).toMatchObject({ depth: 3, parentId: second.id, replyToId: null });
    expect(fourth).toMatchObject({ depth: 3, parentId: second.id, replyToId: third.id });
    const neutral = await comment(bob, onDebate(debate.id), 'Je n’ai pas d’avis tranché.');
    expect(neutral.alignment).toBe(0);

    const page = await thread(onDebate(debate.id));
    expect(page.meta).toEqual({ total: 2, page: 1, perPage: 25 });
    expect(page.data.map((c) => c.id)).toEqual([top.id, neutral.id]);
    expect(page.data[0]).toMatchObject({ repliesCount: 1, replies: [{ id: second.id, repliesCount: 2 }] });
    expect(page.data[0].replies[0].replies.map((c) => c.id)).toEqual([third.id, fourth.id]);
    expect((await client.request('debates.debate.get', { id: debate.id }, as(null))).commentsCount).toBe(5);
    expect((await countEvents(debate.id)).map((e) => [e.version, e.count])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
  });

  it('refuses bad input with a clear problem and changes nothing', async () => {
    const other = await newDebate(process.id);
    const elsewhere = await comment(alice, onDebate(other.id), 'Sur l’autre débat.');
    const strange = await refused(() => comment(alice, onDebate(debate.id), 'Sept ?', { alignment: 7 as 1 }));
    expect(strange).toMatchObject({ code: 'validation_failed', errors: [{ path: 'alignment' }] });
    const astray = await refused(() =>
      comment(alice, onDebate(debate.id), 'Réponse égarée.', { parentId: elsewhere.id }),
    );
    expect(astray).toMatchObject({ code: 'validation_failed', errors: [{ path: 'parentId' }] });
    const unknown = await refused(() => comment(alice, onDebate(debate.id), 'À personne.', { parentId: randomUUID() }));
    expect(unknown).toMatchObject({ code: 'validation_failed', errors: [{ path: 'parentId' }] });
    const long = await refused(() => comment(alice, onDebate(debate.id), 'x'.repeat(10_001)));
    expect(long).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body' }] });
    expect(await comment(alice, onDebate(debate.id), 'x'.repeat(10_000))).toMatchObject({ body: 'x'.repeat(10_000) });
    const blank = await refused(() => comment(alice, onDebate(debate.id), '   '));
    expect(blank.errors?.map((e) => e.path)).toEqual(['body']);
    const onProposalAligned = await refused(() => comment(alice, onProposal(proposal.id), 'Pour !', { alignment: 1 }));
    expect(onProposalAligned).toMatchObject({ code: 'validation_failed', errors: [{ path: 'alignment' }] });
    const top = await comment(alice, onDebate(debate.id), 'Une position.');
    const alignedReply = await refused(() =>
      comment(bob, onDebate(debate.id), 'Contre.', { parentId: top.id, alignment: -1 }),
    );
    expect(alignedReply.errors?.map((e) => e.path)).toEqual(['alignment']);
    expect(await refused(() => comment(null, onDebate(debate.id), 'Anonyme.'))).toMatchObject({
      code: 'unauthenticated',
    });
    expect(await refused(() => comment(alice, onDebate(randomUUID()), 'Nulle part.'))).toMatchObject({
      code: 'not_found',
    });
    expect(await refused(() => comment(alice, onProposal(randomUUID()), 'Nulle part.'))).toMatchObject({
      code: 'not_found',
    });
  });

  it('obeys the phase (enabled, blocked) and the debate (closed, outside its window)', async () => {
    const frozen = await client.request(
      'processes.process.create',
      { title: { fr: 'Concertation figée' }, description: { fr: 'Débattre.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, frozen.id, { debates: { creationEnabled: true } });
    const frozenDebate = await newDebate(frozen.id);
    await openPhase(client, admin, frozen.id, { comments: { enabled: true, blocked: true } }, 'Gel');
    expect(await refused(() => comment(alice, onDebate(frozenDebate.id), 'Trop tard ?'))).toMatchObject({
      code: 'comments_blocked',
    });
    await expect(thread(onDebate(frozenDebate.id))).resolves.toMatchObject({ meta: { total: 0 } });
    await openPhase(client, admin, frozen.id, { comments: { enabled: false } }, 'Fermé');
    expect(await refused(() => comment(alice, onDebate(frozenDebate.id), 'Fermé ?'))).toMatchObject({
      code: 'phase_closed',
    });
    // Reads follow the rules as this service last heard them from processes' events.
    await eventually(() => expect(thread(onDebate(frozenDebate.id))).rejects.toMatchObject({ code: 'phase_closed' }));

    const closing = await newDebate(process.id);
    await client.request(
      'debates.debate.close',
      { id: closing.id, conclusions: 'Nous avons conclu ensemble.' },
      as(alice),
    );
    expect(await refused(() => comment(bob, onDebate(closing.id), 'Encore un mot.'))).toMatchObject({
      code: 'debate_closed',
    });

    const later = await newDebate(process.id, { startsAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await refused(() => comment(bob, onDebate(later.id), 'Trop tôt.'))).toMatchObject({
      code: 'debate_not_open',
    });
    const past = await newDebate(process.id, { endsAt: new Date(Date.now() - 60_000).toISOString() });
    expect(await refused(() => comment(bob, onDebate(past.id), 'Trop tard.'))).toMatchObject({
      code: 'debate_not_open',
    });
    const now = await newDebate(process.id, {
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await expect(comment(bob, onDebate(now.id), 'Juste à temps.')).resolves.toMatchObject({ depth: 1 });
  });

  it('marks edited comments, keeps deleted ones in place without text, and counts only what is shown', async () => {
    const local = await newDebate(process.id);
    const top = await comment(alice, onDebate(local.id), 'Un premier avis.');
    const reply = await comment(bob, onDebate(local.id), 'Une réponse.', { parentId: top.id });
    const edited = await client.request(
      'debates.comment.update',
      { id: top.id, body: 'Un premier avis, nuancé.' },
      as(alice),
    );
    expect(edited).toMatchObject({ body: 'Un premier avis, nuancé.', edited: true });
    expect(edited.editedAt).not.toBeNull();
    expect(
      await refused(() => client.request('debates.comment.update', { id: top.id, body: 'Piraté.' }, as(bob))),
    ).toMatchObject({
      code: 'forbidden',
    });
    expect(await refused(() => client.request('debates.comment.delete', { id: top.id }, as(bob)))).toMatchObject({
      code: 'forbidden',
    });

    const deleted = await client.request('debates.comment.delete', { id: top.id }, as(alice));
    expect(deleted).toMatchObject({ id: top.id, deleted: true, body: null, authorId: null, authorName: null });
    await expect(client.request('debates.comment.delete', { id: top.id }, as(alice))).resolves.toEqual(deleted);
    const page = await thread(onDebate(local.id));
    expect(page.meta.total).toBe(1);
    expect(page.data[0]).toMatchObject({
      id: top.id,
      deleted: true,
      body: null,
      replies: [{ id: reply.id, body: 'Une réponse.' }],
    });
    expect((await client.request('debates.debate.get', { id: local.id }, as(null))).commentsCount).toBe(1);
    expect((await countEvents(local.id)).at(-1)).toMatchObject({ count: 1, version: 3 });
    expect(await refused(() => comment(bob, onDebate(local.id), 'À qui ?', { parentId: top.id }))).toMatchObject({
      code: 'comment_deleted',
    });
    expect(
      await refused(() => client.request('debates.comment.update', { id: top.id, body: 'Retour.' }, as(alice))),
    ).toMatchObject({
      code: 'comment_deleted',
    });

    await client.request('debates.debate.close', { id: local.id, conclusions: 'Clos après échanges.' }, as(alice));
    expect(
      await refused(() => client.request('debates.comment.update', { id: reply.id, body: 'Modifié.' }, as(bob))),
    ).toMatchObject({
      code: 'debate_closed',
    });
    // Its author may still take their words back from a closed debate.
    await expect(client.request('debates.comment.delete', { id: reply.id }, as(bob))).resolves.toMatchObject({
      deleted: true,
    });
  });

  it('takes one vote per person, up or down, switching and taking back, never on one’s own comment', async () => {
    const local = await newDebate(process.id);
    const top = await comment(alice, onDebate(local.id), 'Votez pour moi.');
    const vote = (actor: Actor, value: 'up' | 'down') =>
      client.request('debates.comment.vote', { id: top.id, value }, as(actor));
    await expect(vote(bob, 'up')).resolves.toEqual({ commentId: top.id, upvotes: 1, downvotes: 0, myVote: 'up' });
    await expect(vote(bob, 'up')).resolves.toEqual({ commentId: top.id, upvotes: 1, downvotes: 0, myVote: 'up' });
    await expect(vote(bob, 'down')).resolves.toEqual({ commentId: top.id, upvotes: 0, downvotes: 1, myVote: 'down' });
    await expect(vote(admin, 'down')).resolves.toMatchObject({ upvotes: 0, downvotes: 2 });
    await expect(vote(alice, 'up')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await thread(onDebate(local.id), {}, bob)).data[0]).toMatchObject({ downvotes: 2, myVote: 'down' });
    expect((await thread(onDebate(local.id), {}, null)).data[0].myVote).toBeNull();
    await expect(client.request('debates.comment.unvote', { id: top.id }, as(bob))).resolves.toEqual({
      commentId: top.id,
      upvotes: 0,
      downvotes: 1,
      myVote: null,
    });
    await expect(client.request('debates.comment.unvote', { id: top.id }, as(bob))).resolves.toMatchObject({
      downvotes: 1,
    });
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from comment_votes where comment_id = ${top.id}`.execute(db);
    expect(rows[0].n).toBe(1);
  });

  it('pages the top level in four orders, the replies of one comment, and as many first replies as asked', async () => {
    const local = await newDebate(process.id);
    const first = await comment(alice, onDebate(local.id), 'Premier.');
    const second = await comment(bob, onDebate(local.id), 'Deuxième.');
    const third = await comment(alice, onDebate(local.id), 'Troisième.');
    await client.request('debates.comment.vote', { id: second.id, value: 'up' }, as(alice));
    await client.request('debates.comment.vote', { id: first.id, value: 'down' }, as(bob));
    const replies: Comment[] = [];
    for (const n of [1, 2, 3, 4])
      replies.push(await comment(n % 2 ? bob : admin, onDebate(local.id), `Réponse ${n}.`, { parentId: third.id }));
    const ids = async (query: Record<string, unknown>) =>
      (await thread(onDebate(local.id), query)).data.map((c) => c.id);

    expect(await ids({})).toEqual([first.id, second.id, third.id]);
    expect(await ids({ sort: 'recent' })).toEqual([third.id, second.id, first.id]);
    expect(await ids({ sort: 'bestRated' })).toEqual([second.id, third.id, first.id]);
    expect(await ids({ sort: 'mostDiscussed' })).toEqual([third.id, first.id, second.id]);
    expect(await ids({ perPage: 2, page: 2 })).toEqual([third.id]);

    const page = await thread(onDebate(local.id), { sort: 'recent', perPage: 1 });
    expect(page.meta).toEqual({ total: 3, page: 1, perPage: 1 });
    expect(page.data[0]).toMatchObject({ repliesCount: 4 });
    expect(page.data[0].replies.map((r) => r.id)).toEqual(replies.slice(0, 3).map((r) => r.id));
    const none = await thread(onDebate(local.id), { sort: 'recent', perPage: 1, replies: 0 });
    expect(none.data[0].replies).toEqual([]);
    const rest: { data: CommentThread[]; meta: { total: number } } = await thread(onDebate(local.id), {
      parentId: third.id,
      perPage: 3,
      page: 2,
    });
    expect(rest.meta.total).toBe(4);
    expect(rest.data.map((r) => r.id)).toEqual([replies[3].id]);
    await expect(thread(onDebate(debate.id), { parentId: third.id })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(thread(onDebate(local.id), { replies: 11 })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('orders a process’s debates by comments and last comment, and finds those the caller commented on', async () => {
    const listed = await client.request(
      'processes.process.create',
      { title: { fr: 'Débats classés' }, description: { fr: 'Débattre.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, listed.id, { debates: { creationEnabled: true } });
    const quiet = await newDebate(listed.id);
    const busy = await newDebate(listed.id);
    const latest = await newDebate(listed.id);
    await comment(bob, onDebate(busy.id), 'Un.');
    await comment(bob, onDebate(busy.id), 'Deux.');
    await comment(admin, onDebate(latest.id), 'Le dernier mot.');
    const ids = async (query: Record<string, unknown>, actor: Actor | null = null) =>
      (await client.request('debates.debate.list', { processId: listed.id, ...query }, as(actor))).data.map(
        (d) => d.id,
      );
    expect(await ids({ sort: 'mostCommented' })).toEqual([busy.id, latest.id, quiet.id]);
    expect(await ids({ sort: 'lastComment' })).toEqual([latest.id, busy.id, quiet.id]);
    expect(await ids({ commentedByMe: true }, bob)).toEqual([busy.id]);
  });

  it('keeps the count and its versions exact under concurrent comments and deletions', async () => {
    const busy = await newDebate(process.id);
    const top = await comment(alice, onDebate(busy.id), 'Lancez-vous.');
    const written = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        comment(n % 2 ? bob : admin, onDebate(busy.id), `Avis ${n}.`, n % 3 ? { parentId: top.id } : {}),
      ),
    );
    await Promise.all(
      written
        .filter((_, n) => n % 5 === 0)
        .map((c) =>
          client.request('debates.comment.delete', { id: c.id }, as(c.authorId === bob.personId ? bob : admin)),
        ),
    );
    const { rows } = await sql<{ count: number; threads: number; version: number }>`select count, threads, version
      from comment_counts where resource_id = ${busy.id}`.execute(db);
    expect(rows[0]).toEqual({ count: 31 - 6, threads: 1 + 10, version: 31 + 6 });
    const events = await countEvents(busy.id);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(events.at(-1)?.count).toBe(25);
    const page = await thread(onDebate(busy.id), { perPage: 100 });
    expect(page.meta.total).toBe(11);
    expect(page.data.find((c) => c.id === top.id)?.repliesCount).toBe(20);
  });

  it('creates one comment per Idempotency-Key', async () => {
    const key = `comment-${randomUUID()}`;
    const before = await commentCount();
    const [first, ...retries] = await Promise.all(
      [1, 2, 3].map(() => comment(alice, onDebate(debate.id), 'Une fois.', {}, key)),
    );
    for (const retry of retries) expect(retry).toEqual(first);
    expect(await commentCount()).toBe(before + 1);
  });

  it('comments on a proposal and shows its count on the proposal, newest count first whatever the order', async () => {
    const first = await comment(alice, onProposal(proposal.id), 'Excellente idée.');
    await comment(admin, onProposal(proposal.id), 'Le conseil l’étudiera.', { parentId: first.id });
    expect(first).toMatchObject({ resourceType: 'proposal', alignment: null });
    await eventually(async () => {
      expect((await client.request('proposals.proposal.get', { id: proposal.id }, as(null))).commentsCount).toBe(2);
    }, 10_000);
    // An older count delivered late changes nothing.
    const stale = domainEvent(
      'debates.commentCount.changed',
      {
        resourceType: 'proposal',
        resourceId: proposal.id,
        processId: process.id,
        count: 1,
        lastCommentAt: null,
        version: 1,
      },
      null,
    );
    const js = debates.nats.jetstream();
    await js.publish(eventSubject(stale.type, debatesRun.run.subjectPrefix), JSON.stringify(stale), {
      msgID: stale.id,
    });
    await eventually(async () => {
      const { rows } = await sql`select 1 from proposals.processed_events where event_id = ${stale.id}`.execute(db);
      expect(rows).toHaveLength(1);
    }, 10_000);
    expect((await client.request('proposals.proposal.get', { id: proposal.id }, as(null))).commentsCount).toBe(2);
    await comment(bob, onProposal(proposal.id), 'Et moi aussi.');
    await eventually(async () => {
      expect((await client.request('proposals.proposal.get', { id: proposal.id }, as(null))).commentsCount).toBe(3);
    }, 10_000);
    const page = await thread(onProposal(proposal.id));
    expect(page.data.map((c) => c.replies.length)).toEqual([1, 0]);
  });

  it('learns a proposal it has not heard of from proposals, and shows nothing of a private process to outsiders', async () => {
    const unknown = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Des bancs sous les platanes', body: 'Pour se reposer au marché.' },
      as(alice),
    );
    await sql`delete from comment_counts where resource_id = ${unknown.id}`.execute(db);
    await expect(comment(bob, onProposal(unknown.id), 'Oui !')).resolves.toMatchObject({ resourceId: unknown.id });
    const draft = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Un brouillon que nul ne voit', body: 'Pas encore publié.', draft: true },
      as(alice),
    );
    expect(await refused(() => comment(bob, onProposal(draft.id), 'Je le vois ?'))).toMatchObject({
      code: 'not_found',
    });

    const secret = await client.request(
      'processes.process.create',
      {
        title: { fr: 'Conseil restreint' },
        description: { fr: 'Sur invitation.' },
        status: 'published',
        visibility: 'private',
      },
      as(admin),
    );
    await openPhase(client, admin, secret.id, { debates: { creationEnabled: true } });
    await client.request(
      'processes.invitation.create',
      { processId: secret.id, personIds: [alice.personId] },
      as(admin),
    );
    const inner = await newDebate(secret.id);
    await comment(alice, onDebate(inner.id), 'Entre nous.');
    await expect(thread(onDebate(inner.id), {}, alice)).resolves.toMatchObject({ meta: { total: 1 } });
    for (const actor of [bob, null]) {
      await expect(thread(onDebate(inner.id), {}, actor)).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await refused(() => comment(bob, onDebate(inner.id), 'Je m’invite.'))).toMatchObject({ code: 'not_found' });
  });

  it('gives moderation the means to hide comments, a proposal’s comments and a debate, keeping counts right', async () => {
    const local = await newDebate(process.id);
    const top = await comment(alice, onDebate(local.id), 'Un avis.');
    const reply = await comment(bob, onDebate(local.id), 'Une réponse.', { parentId: top.id });
    await comment(alice, onDebate(local.id), 'Une suite.', { parentId: reply.id });
    const kept = await comment(bob, onDebate(local.id), 'Un autre avis.');
    const moderator = { personId: admin.personId };

    await db.transaction().execute((trx) => hideComment(trx, top.id, moderator));
    let page = await thread(onDebate(local.id));
    expect(page).toMatchObject({ meta: { total: 1 }, data: [{ id: kept.id }] });
    expect((await client.request('debates.debate.get', { id: local.id }, as(null))).commentsCount).toBe(1);
    await expect(comment(bob, onDebate(local.id), 'Sous un masqué.', { parentId: reply.id })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(db.transaction().execute((trx) => hideComment(trx, top.id, moderator))).resolves.toBe(false);
    await db.transaction().execute((trx) => unhideComment(trx, top.id, moderator));
    page = await thread(onDebate(local.id));
    expect(page.data.map((c) => c.id)).toEqual([top.id, kept.id]);
    expect((await client.request('debates.debate.get', { id: local.id }, as(null))).commentsCount).toBe(4);

    await db.transaction().execute((trx) => hideComment(trx, reply.id, moderator));
    page = await thread(onDebate(local.id));
    expect(page.data[0]).toMatchObject({ id: top.id, repliesCount: 0, replies: [] });
    expect((await client.request('debates.debate.get', { id: local.id }, as(null))).commentsCount).toBe(2);

    const resource = { ...onProposal(proposal.id), processId: process.id };
    await db.transaction().execute((trx) => hideCommentsOf(trx, resource, moderator));
    await expect(thread(onProposal(proposal.id))).rejects.toMatchObject({ code: 'not_found' });
    expect(await refused(() => comment(alice, onProposal(proposal.id), 'Masqué ?'))).toMatchObject({
      code: 'not_found',
    });
    await eventually(async () => {
      expect((await client.request('proposals.proposal.get', { id: proposal.id }, as(null))).commentsCount).toBe(0);
    }, 10_000);
    await db.transaction().execute((trx) => unhideCommentsOf(trx, resource, moderator));
    await eventually(async () => {
      expect((await client.request('proposals.proposal.get', { id: proposal.id }, as(null))).commentsCount).toBe(3);
    }, 10_000);

    await db.transaction().execute((trx) => hideDebate(trx, local.id, moderator));
    await expect(client.request('debates.debate.get', { id: local.id }, as(null))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(thread(onDebate(local.id))).rejects.toMatchObject({ code: 'not_found' });
    const listed = await client.request('debates.debate.list', { processId: process.id, perPage: 100 }, as(null));
    expect(listed.data.map((d) => d.id)).not.toContain(local.id);
    expect((await countEvents(local.id)).at(-1)).toMatchObject({ count: 0 });
  });
});
