import type {
  Comment,
  CommentThread,
  CommentVotes,
  Debate,
  MePerson,
  Page,
  Process,
  ProcessStats,
  Proposal,
} from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api, type Problem, uniqueStamp } from '../support/api';
import { openProcess } from '../support/processes';

const stamp = uniqueStamp;

describe('comments, through the gateway', () => {
  let process: Process;
  let debate: Debate;
  let proposal: Proposal;
  let alice: MePerson;

  const thread = (path: string, query = '', as?: string) =>
    api<Page<CommentThread>>('GET', `${path}/comments${query}`, { as });

  beforeAll(async () => {
    alice = (await api<MePerson>('GET', '/api/v1/me', { as: 'alice' })).body;
    process = await openProcess({
      title: `Jardins partagés de Lodève ${stamp()}`,
      description: 'Proposer, débattre, commenter.',
      phase: {
        title: 'Propositions et débats',
        rules: { proposals: { creationEnabled: true }, debates: { creationEnabled: true } },
      },
    });
    debate = (
      await api<Debate>('POST', `/api/v1/processes/${process.id}/debates`, {
        as: 'bob',
        body: {
          title: 'Faut-il clôturer les jardins partagés ?',
          description: 'Entre ouverture au quartier et protection des récoltes, que choisir ?',
        },
      })
    ).body;
    proposal = (
      await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as: 'bob',
        body: { title: 'Un composteur collectif par jardin', body: 'Pour les déchets verts du quartier.' },
      })
    ).body;
  });

  it('comments with 201 once per Idempotency-Key, answers, and reads the thread with its replies', async () => {
    const path = `/api/v1/debates/${debate.id}/comments`;
    const key = `comment-${stamp()}`;
    const body = { body: 'Ouverts en journée, fermés la nuit.', alignment: 1 };
    const first = await api<Comment>('POST', path, { as: 'alice', body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/v1/comments/${first.body.id}`);
    expect(first.body).toMatchObject({ depth: 1, alignment: 1, authorId: alice.id, authorName: alice.displayName });
    const retry = await api<Comment>('POST', path, { as: 'alice', body, headers: { 'idempotency-key': key } });
    expect(retry.body).toEqual(first.body);
    const reply = await api<Comment>('POST', path, {
      as: 'bob',
      body: { body: 'Et les clés ?', parentId: first.body.id },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ depth: 2, parentId: first.body.id });

    const page = await thread(`/api/v1/debates/${debate.id}`);
    expect(page.status).toBe(200);
    expect(page.body.meta).toEqual({ total: 1, page: 1, perPage: 25 });
    expect(page.body.data[0]).toMatchObject({
      id: first.body.id,
      repliesCount: 1,
      replies: [{ id: reply.body.id, replies: [] }],
    });
    expect((await api<Debate>('GET', `/api/v1/debates/${debate.id}`)).body.commentsCount).toBe(2);
  });

  it('refuses an alignment of 7, a reply to another resource’s comment, 10,001 characters and 100 kB, changing nothing', async () => {
    const path = `/api/v1/debates/${debate.id}/comments`;
    const before = (await thread(`/api/v1/debates/${debate.id}`)).body.meta.total;
    const seven = await api<Problem>('POST', path, { as: 'alice', body: { body: 'Sept.', alignment: 7 } });
    expect(seven.status).toBe(400);
    expect(seven.body.errors?.map((e) => e.path)).toEqual(['alignment']);
    const onProposal = await api<Comment>('POST', `/api/v1/proposals/${proposal.id}/comments`, {
      as: 'alice',
      body: { body: 'Sur la proposition.' },
    });
    expect(onProposal.status).toBe(201);
    const astray = await api<Problem>('POST', path, {
      as: 'alice',
      body: { body: 'Égarée.', parentId: onProposal.body.id },
    });
    expect(astray.status).toBe(400);
    expect(astray.body.errors?.map((e) => e.path)).toEqual(['parentId']);
    const long = await api<Problem>('POST', path, { as: 'alice', body: { body: 'é'.repeat(10_001) } });
    expect(long.status).toBe(400);
    expect(long.body.errors?.map((e) => e.path)).toEqual(['body']);
    const huge = await api<Problem>('POST', path, { as: 'alice', body: { body: 'x'.repeat(100 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    const aligned = await api<Problem>('POST', `/api/v1/proposals/${proposal.id}/comments`, {
      as: 'alice',
      body: { body: 'Pour.', alignment: 1 },
    });
    expect(aligned.status).toBe(400);
    expect((await api<Problem>('POST', path, { body: { body: 'Anonyme.' } })).status).toBe(401);
    expect((await thread(`/api/v1/debates/${debate.id}`)).body.meta.total).toBe(before);
  });

  it('marks an edit, keeps a deleted comment in its place, and votes up, down and back', async () => {
    const path = `/api/v1/debates/${debate.id}/comments`;
    const mine = (await api<Comment>('POST', path, { as: 'alice', body: { body: 'Un avis à nuancer.' } })).body;
    const edited = await api<Comment>('PATCH', `/api/v1/comments/${mine.id}`, {
      as: 'alice',
      body: { body: 'Un avis nuancé.' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Un avis nuancé.', edited: true });
    expect(
      (await api<Problem>('PATCH', `/api/v1/comments/${mine.id}`, { as: 'bob', body: { body: 'Non.' } })).status,
    ).toBe(403);

    const up = await api<CommentVotes>('PUT', `/api/v1/comments/${mine.id}/vote`, { as: 'bob', body: { value: 'up' } });
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ commentId: mine.id, upvotes: 1, downvotes: 0, myVote: 'up' });
    const down = await api<CommentVotes>('PUT', `/api/v1/comments/${mine.id}/vote`, {
      as: 'bob',
      body: { value: 'down' },
    });
    expect(down.body).toEqual({ commentId: mine.id, upvotes: 0, downvotes: 1, myVote: 'down' });
    const own = await api<Problem>('PUT', `/api/v1/comments/${mine.id}/vote`, { as: 'alice', body: { value: 'up' } });
    expect(own.status).toBe(403);
    const bad = await api<Problem>('PUT', `/api/v1/comments/${mine.id}/vote`, {
      as: 'bob',
      body: { value: 'sideways' },
    });
    expect(bad.status).toBe(400);
    const back = await api<CommentVotes>('DELETE', `/api/v1/comments/${mine.id}/vote`, { as: 'bob' });
    expect(back.body).toMatchObject({ downvotes: 0, myVote: null });

    expect((await api('DELETE', `/api/v1/comments/${mine.id}`, { as: 'alice' })).status).toBe(204);
    const page = await thread(`/api/v1/debates/${debate.id}`, '?sort=recent&perPage=1');
    expect(page.body.data[0]).toMatchObject({ id: mine.id, deleted: true, body: null, authorName: null });
    const gone = await api<Problem>('PUT', `/api/v1/comments/${mine.id}/vote`, { as: 'bob', body: { value: 'up' } });
    expect(gone.status).toBe(409);
    expect(gone.body.code).toBe('comment_deleted');
  });

  it('refuses comments on a closed debate, and counts comments on proposals and in the statistics', async () => {
    const closing = (
      await api<Debate>('POST', `/api/v1/processes/${process.id}/debates`, {
        as: 'alice',
        body: { title: 'Des ruches dans les jardins ?', description: 'Les abeilles et le voisinage, parlons-en.' },
      })
    ).body;
    await api('POST', `/api/v1/debates/${closing.id}/close`, {
      as: 'alice',
      body: { conclusions: 'Deux ruches, loin des allées.' },
    });
    const late = await api<Problem>('POST', `/api/v1/debates/${closing.id}/comments`, {
      as: 'bob',
      body: { body: 'Trop tard.' },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('debate_closed');

    const onProposal = await thread(`/api/v1/proposals/${proposal.id}`);
    expect(onProposal.status).toBe(200);
    const shown = onProposal.body.data.length;
    await eventually(async () => {
      expect((await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`)).body.commentsCount).toBe(shown);
    }, 15_000);
    await eventually(async () => {
      const stats = await api<ProcessStats>('GET', `/api/v1/processes/${process.id}/stats`);
      // Every comment written in the process counts there, the deleted one too: the statistics count acts.
      expect(stats.body.comments).toBe(4);
      expect(stats.body.debates).toBe(2);
    }, 15_000);
    const document = await api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/openapi.json');
    expect(Object.keys(document.body.paths['/api/v1/proposals/{id}/comments']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.body.paths['/api/v1/comments/{id}']).sort()).toEqual(['delete', 'patch']);
    expect(Object.keys(document.body.paths['/api/v1/comments/{id}/vote']).sort()).toEqual(['delete', 'put']);
  });
});
