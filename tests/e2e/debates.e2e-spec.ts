import type { Debate, MePerson, Organization, Page, Process, ProcessStats } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api, type Problem, uniqueStamp } from '../support/api';
import { openProcess } from '../support/processes';

const stamp = uniqueStamp;

/** A published process of this file's own, with a phase of the given rules active. */
const processWith = (rules: Record<string, unknown>, fields: Record<string, unknown> = {}): Promise<Process> =>
  openProcess({
    title: `Tiers-lieux du Pays cœur d’Hérault ${stamp()}`,
    description: 'Débattre de nos tiers-lieux.',
    phase: { title: 'Débats', rules },
    fields,
  });

const participantDebate = {
  title: 'Quels services dans le tiers-lieu de la gare ?',
  description: 'Café associatif, ateliers de réparation, point de services publics : que voulons-nous ?',
};

describe('debates, through the gateway', () => {
  let process: Process;
  let organizer: Organization;

  beforeAll(async () => {
    organizer = (
      await api<Organization>('POST', '/api/v1/organizations', {
        as: 'admin',
        body: { name: `Communauté de communes du Clermontais ${stamp()}`, kind: 'collectivite' },
      })
    ).body;
    process = await processWith({ debates: { creationEnabled: true } }, { organizerId: organizer.id });
  });

  it('opens a debate with 201 once per Idempotency-Key, then reads, edits and lists it', async () => {
    const key = `debate-${stamp()}`;
    const path = `/api/v1/processes/${process.slug}/debates`;
    const first = await api<Debate>('POST', path, {
      as: 'alice',
      body: participantDebate,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/v1/debates/${first.body.id}`);
    const alice = (await api<MePerson>('GET', '/api/v1/me', { as: 'alice' })).body;
    expect(first.body).toMatchObject({
      processId: process.id,
      official: false,
      title: { fr: participantDebate.title },
      authorId: alice.id,
      authorName: alice.displayName,
      state: 'open',
      commentsCount: 0,
    });
    const retry = await api<Debate>('POST', path, {
      as: 'alice',
      body: participantDebate,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);

    expect((await api<Debate>('GET', `/api/v1/debates/${first.body.id}`)).body).toEqual(first.body);
    const edited = await api<Debate>('PATCH', `/api/v1/debates/${first.body.id}`, {
      as: 'alice',
      body: { title: { fr: 'Quels services dans la gare réinventée ?', en: 'Which services in the new station?' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toEqual({
      fr: 'Quels services dans la gare réinventée ?',
      en: 'Which services in the new station?',
    });
    const byBob = await api<Problem>('PATCH', `/api/v1/debates/${first.body.id}`, {
      as: 'bob',
      body: { themeId: null },
    });
    expect(byBob.status).toBe(403);

    const listed = await api<Page<Debate>>('GET', `/api/v1/processes/${process.id}/debates?mine=true`, { as: 'alice' });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((d) => d.id)).toEqual([first.body.id]);
    expect(listed.body.meta).toEqual({ total: 1, page: 1, perPage: 25 });
  });

  it('answers 401 without a token, 400 naming bad fields, 422 where the phase opens no debate', async () => {
    const path = `/api/v1/processes/${process.id}/debates`;
    expect((await api<Problem>('POST', path, { body: participantDebate })).status).toBe(401);
    const invalid = await api<Problem>('POST', path, {
      as: 'alice',
      body: { ...participantDebate, startsAt: '2026-06-02T00:00:00Z', endsAt: '2026-06-01T00:00:00Z', votes: 3 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(invalid.body.code).toBe('validation_failed');
    const closed = await processWith({ proposals: { creationEnabled: true } });
    const refused = await api<Problem>('POST', `/api/v1/processes/${closed.id}/debates`, {
      as: 'alice',
      body: participantDebate,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('phase_closed');
    const list = await api<Page<Debate>>('GET', `/api/v1/processes/${process.id}/debates`);
    expect(list.body.data.every((d) => d.processId === process.id)).toBe(true);
  });

  it('lets the process’s admins open an official debate in the organiser’s name, with its instructions', async () => {
    const refused = await api<Problem>('POST', `/api/v1/processes/${process.id}/debates`, {
      as: 'alice',
      body: { ...participantDebate, official: true },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('role_required');
    const official = await api<Debate>('POST', `/api/v1/processes/${process.id}/debates`, {
      as: 'admin',
      body: {
        official: true,
        title: { fr: 'Un tiers-lieu par bassin de vie ?', en: 'A third place in every area?' },
        description: { fr: 'La communauté de communes ouvre le débat.' },
        instructions: { fr: 'Une contribution par personne, argumentée.' },
      },
    });
    expect(official.status).toBe(201);
    expect(official.body).toMatchObject({
      official: true,
      authorName: organizer.name,
      instructions: { fr: 'Une contribution par personne, argumentée.' },
    });
    const update = await api<Debate>('PATCH', `/api/v1/debates/${official.body.id}`, {
      as: 'admin',
      body: { informationUpdate: { fr: 'Réunion publique le 12 mars à la salle des fêtes.' } },
    });
    expect(update.body.informationUpdates).toEqual([
      { body: { fr: 'Réunion publique le 12 mars à la salle des fêtes.' }, addedAt: expect.any(String) },
    ]);
    const officials = await api<Page<Debate>>('GET', `/api/v1/processes/${process.id}/debates?origin=official`);
    expect(officials.body.data.map((d) => d.id)).toEqual([official.body.id]);
  });

  it('closes with conclusions, refuses edits once closed, and lets an admin reopen', async () => {
    const debate = (
      await api<Debate>('POST', `/api/v1/processes/${process.id}/debates`, { as: 'bob', body: participantDebate })
    ).body;
    const notYours = await api<Problem>('POST', `/api/v1/debates/${debate.id}/close`, {
      as: 'alice',
      body: { conclusions: 'Ce n’est pas mon débat.' },
    });
    expect(notYours.status).toBe(403);
    const closed = await api<Debate>('POST', `/api/v1/debates/${debate.id}/close`, {
      as: 'bob',
      body: { conclusions: 'Un café associatif et un atelier vélo, d’abord.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      conclusions: { fr: 'Un café associatif et un atelier vélo, d’abord.' },
    });
    const edit = await api<Problem>('PATCH', `/api/v1/debates/${debate.id}`, { as: 'bob', body: { themeId: null } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('debate_closed');
    const closedList = await api<Page<Debate>>('GET', `/api/v1/processes/${process.id}/debates?state=closed`);
    expect(closedList.body.data.map((d) => d.id)).toContain(debate.id);
    expect((await api<Problem>('POST', `/api/v1/debates/${debate.id}/reopen`, { as: 'bob' })).status).toBe(403);
    const reopened = await api<Debate>('POST', `/api/v1/debates/${debate.id}/reopen`, { as: 'admin' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'open', conclusions: null });
  });

  it('shows nothing of a private process’s debates to people not invited', async () => {
    const secret = await processWith({ debates: { creationEnabled: true } }, { visibility: 'private' });
    const alice = (await api<MePerson>('GET', '/api/v1/me', { as: 'alice' })).body;
    await api('POST', `/api/v1/processes/${secret.id}/invitations`, { as: 'admin', body: { personIds: [alice.id] } });
    const debate = await api<Debate>('POST', `/api/v1/processes/${secret.id}/debates`, {
      as: 'alice',
      body: participantDebate,
    });
    expect(debate.status).toBe(201);
    expect((await api('GET', `/api/v1/debates/${debate.body.id}`, { as: 'alice' })).status).toBe(200);
    for (const as of ['bob', undefined]) {
      expect((await api('GET', `/api/v1/debates/${debate.body.id}`, { as })).status).toBe(404);
      expect((await api('GET', `/api/v1/processes/${secret.id}/debates`, { as })).status).toBe(404);
      expect((await api('GET', `/api/v1/debates/${debate.body.id}/comments`, { as })).status).toBe(404);
    }
  });

  it('shows the demo consultation’s two debates in French, each with its exchange', async () => {
    const demo = await api<Page<Debate>>('GET', '/api/v1/processes/innover-ensemble-pour-nos-territoires/debates');
    expect(demo.status).toBe(200);
    expect(demo.body.data.map((d) => [d.official, d.title.fr !== undefined, d.commentsCount > 0])).toEqual([
      [false, true, true],
      [true, true, true],
    ]);
  });

  it('counts debates in the process’s statistics and documents its endpoints', async () => {
    const counted = await processWith({ debates: { creationEnabled: true } });
    await api('POST', `/api/v1/processes/${counted.id}/debates`, { as: 'bob', body: participantDebate });
    await eventually(async () => {
      const stats = await api<ProcessStats>('GET', `/api/v1/processes/${counted.id}/stats`);
      expect(stats.body).toMatchObject({ debates: 1, participants: 1 });
    }, 15_000);
    const document = await api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs/openapi.json');
    expect(Object.keys(document.body.paths['/api/v1/processes/{idOrSlug}/debates']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.body.paths['/api/v1/debates/{id}']).sort()).toEqual(['get', 'patch']);
    expect(document.body.paths['/api/v1/debates/{id}/close']).toHaveProperty('post');
    expect(document.body.paths['/api/v1/debates/{id}/reopen']).toHaveProperty('post');
  });
});
