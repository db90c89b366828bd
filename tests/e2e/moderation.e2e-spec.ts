import type {
  ActivityEntry,
  Comment,
  CommentThread,
  Debate,
  MePerson,
  Moderation,
  Page,
  Process,
  Proposal,
  Report,
} from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api, type Problem, uniqueStamp } from '../support/api';
import { assignProcessRole, openProcess } from '../support/processes';

const stamp = uniqueStamp;

describe('moderation, through the gateway', () => {
  let processA: Process;
  let processB: Process;
  let moderator: MePerson;
  let bob: MePerson;

  const newProcess = (title: string) =>
    openProcess({
      title: `${title} ${stamp()}`,
      description: 'Débattre et proposer.',
      phase: { title: 'Débats', rules: { proposals: { creationEnabled: true }, debates: { creationEnabled: true } } },
    });
  const newDebate = async (processId: string) =>
    (
      await api<Debate>('POST', `/api/v1/processes/${processId}/debates`, {
        as: 'alice',
        body: {
          title: 'Que faire de la friche derrière la mairie ?',
          description: 'Jardin, parking, logements : toutes les idées sont bienvenues.',
        },
      })
    ).body;
  const comment = async (as: string, path: string, body: string) =>
    (await api<Comment>('POST', `${path}/comments`, { as, body: { body } })).body;
  const threadIds = async (path: string) =>
    (await api<Page<CommentThread>>('GET', `${path}/comments`)).body.data.map((c) => c.id);
  const report = (as: string, body: Record<string, unknown>) =>
    api<Report & Problem>('POST', '/api/v1/reports', { as, body });
  const queue = (as: string, query = '') =>
    api<Page<Moderation> & Problem>('GET', `/api/v1/moderations${query}`, { as });

  beforeAll(async () => {
    moderator = (await api<MePerson>('GET', '/api/v1/me', { as: 'moderator' })).body;
    bob = (await api<MePerson>('GET', '/api/v1/me', { as: 'bob' })).body;
    processA = await newProcess('Friche de la mairie');
    processB = await newProcess('Halle du marché');
    await assignProcessRole(processA.id, moderator.id, 'moderator');
  });

  // Other files use the demo moderator: leave their roles as they were.
  afterAll(async () => {
    if (processA)
      await api('DELETE', `/api/v1/processes/${processA.id}/roles/${moderator.id}/moderator`, { as: 'admin' });
  });

  it('refuses bad reports with a clear problem, and changes nothing', async () => {
    const debate = await newDebate(processA.id);
    const path = `/api/v1/debates/${debate.id}`;
    const target = await comment('alice', path, 'Un jardin partagé, évidemment.');
    const before = (await queue('admin', `?processId=${processA.id}&state=all`)).body.meta.total;

    const unknownReason = await report('bob', { resourceType: 'comment', resourceId: target.id, reason: 'ugly' });
    expect(unknownReason.status).toBe(400);
    expect(unknownReason.body.errors?.map((e) => e.path)).toEqual(['reason']);
    const tooLong = await report('bob', {
      resourceType: 'comment',
      resourceId: target.id,
      reason: 'spam',
      details: 'x'.repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors?.map((e) => e.path)).toEqual(['details']);
    const unknown = await report('bob', { resourceType: 'comment', resourceId: crypto.randomUUID(), reason: 'spam' });
    expect(unknown.body).toMatchObject({ status: 404, code: 'not_found' });
    const anonymous = await api<Problem>('POST', '/api/v1/reports', {
      body: { resourceType: 'comment', resourceId: target.id, reason: 'spam' },
    });
    expect(anonymous.status).toBe(401);
    expect((await queue('admin', `?processId=${processA.id}&state=all`)).body.meta.total).toBe(before);

    const first = await report('bob', { resourceType: 'comment', resourceId: target.id, reason: 'offensive' });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/v1/moderations/${first.body.moderationId}`);
    const twice = await report('bob', { resourceType: 'comment', resourceId: target.id, reason: 'spam' });
    expect(twice.body).toMatchObject({ status: 409, code: 'already_reported' });
  });

  it('hides a comment at the third report; a process moderator restores it, and cannot touch another process', async () => {
    const debate = await newDebate(processA.id);
    const path = `/api/v1/debates/${debate.id}`;
    const target = await comment('alice', path, 'Venez acheter mes crèmes miracles !');
    for (const as of ['bob', 'valuator', 'moderator']) {
      expect((await report(as, { resourceType: 'comment', resourceId: target.id, reason: 'spam' })).status).toBe(201);
    }
    expect(await threadIds(path)).not.toContain(target.id);
    expect((await api<Debate>('GET', `/api/v1/debates/${debate.id}`)).body.commentsCount).toBe(0);

    const hidden = await queue('moderator', '?state=hidden&resourceType=comment');
    const moderation = hidden.body.data.find((m) => m.resourceId === target.id)!;
    expect(moderation).toMatchObject({
      hiddenCause: 'reports',
      reportsCount: 3,
      reasons: { spam: 3 },
      excerpt: 'Venez acheter mes crèmes miracles !',
    });
    expect(hidden.body.data.every((m) => m.processId === processA.id)).toBe(true);

    const elsewhere = await newDebate(processB.id);
    const inB = await comment('alice', `/api/v1/debates/${elsewhere.id}`, 'Une halle couverte pour l’hiver.');
    const reportB = await report('bob', { resourceType: 'comment', resourceId: inB.id, reason: 'does_not_belong' });
    const refused = await api<Problem>('POST', `/api/v1/moderations/${reportB.body.moderationId}/hide`, {
      as: 'moderator',
      body: { justification: 'Hors sujet.' },
    });
    expect(refused.body).toMatchObject({ status: 403, code: 'role_required' });
    expect(await threadIds(`/api/v1/debates/${elsewhere.id}`)).toContain(inB.id);
    expect((await queue('moderator', `?processId=${processB.id}`)).body).toMatchObject({ status: 403 });

    const shown = await api<Moderation>('POST', `/api/v1/moderations/${moderation.id}/unhide`, {
      as: 'moderator',
      body: { justification: 'Signalements abusifs.' },
    });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ state: 'cleared', reportsCount: 0 });
    expect(await threadIds(path)).toContain(target.id);
  });

  it('hides a proposal with its comments: they leave the public thread and its count', async () => {
    const proposal = (
      await api<Proposal>('POST', `/api/v1/processes/${processA.id}/proposals`, {
        as: 'alice',
        body: { title: 'Un verger conservatoire sur la friche', body: 'Des variétés anciennes du pays.' },
      })
    ).body;
    const path = `/api/v1/proposals/${proposal.id}`;
    const onIt = await comment('bob', path, 'Avec des ruches ?');
    expect(await threadIds(path)).toEqual([onIt.id]);
    await eventually(async () => expect((await api<Proposal>('GET', path)).body.commentsCount).toBe(1));

    const reported = await report('bob', { resourceType: 'proposal', resourceId: proposal.id, reason: 'spam' });
    const hidden = await api<Moderation>('POST', `/api/v1/moderations/${reported.body.moderationId}/hide`, {
      as: 'moderator',
      body: { justification: 'Publicité déguisée.' },
    });
    expect(hidden.body).toMatchObject({
      state: 'hidden',
      hiddenCause: 'moderator',
      justification: 'Publicité déguisée.',
    });
    expect((await api<Problem>('GET', `${path}/comments`)).status).toBe(404);
    await eventually(async () => {
      const listed = await api<Page<Proposal>>('GET', `/api/v1/processes/${processA.id}/proposals?perPage=100`);
      expect(listed.body.data.map((p) => p.id)).not.toContain(proposal.id);
      expect((await api<Proposal>('GET', path, { as: 'admin' })).body.commentsCount).toBe(0);
    });
  });

  it('refuses a blocked person’s comment at the gateway; blocking hides their content and unblocking restores it', async () => {
    const debate = await newDebate(processA.id);
    const path = `/api/v1/debates/${debate.id}`;
    const written = await comment('bob', path, 'Je reviendrai chaque jour.');
    const noReason = await api<Problem>('POST', `/api/v1/people/${bob.id}/block`, {
      as: 'admin',
      body: { hideContent: true },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.map((e) => e.path)).toEqual(['reason']);
    try {
      const blocked = await api('POST', `/api/v1/people/${bob.id}/block`, {
        as: 'admin',
        body: { reason: 'Messages hostiles répétés sur les débats.', hideContent: true },
      });
      expect(blocked.status).toBe(200);
      const refused = await api<Problem>('POST', `${path}/comments`, { as: 'bob', body: { body: 'Encore moi.' } });
      expect(refused.body).toMatchObject({ status: 403, code: 'blocked_person' });
      await eventually(async () => expect(await threadIds(path)).not.toContain(written.id));
    } finally {
      await api('POST', `/api/v1/people/${bob.id}/unblock`, { as: 'admin' });
    }
    await eventually(async () => expect(await threadIds(path)).toContain(written.id));

    await eventually(async () => {
      const log = await api<Page<ActivityEntry>>('GET', `/api/v1/activity?resourceId=${bob.id}&perPage=10`, {
        as: 'admin',
      });
      expect(log.body.data.map((e) => e.action)).toEqual(
        expect.arrayContaining(['person.blocked', 'person.contentHidden', 'person.unblocked', 'person.contentShown']),
      );
    });
    expect((await api<Problem>('GET', '/api/v1/activity', { as: 'moderator' })).status).toBe(403);
  });
});
