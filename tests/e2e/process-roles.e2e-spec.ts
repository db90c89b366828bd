import type { Me, Process, ProcessInvitation, ProcessRoleAssignment } from '@convergences/contracts';
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';

type Problem = { status: number; code: string; errors?: { path: string }[] };
type Roles = { data: ProcessRoleAssignment[] };
type Invitations = { data: ProcessInvitation[] };

const me = async (as: string) => {
  const response = await api<Me>('GET', '/api/v1/me', { as });
  expect(response.status).toBe(200);
  return response.body;
};
const createProcess = async (title: string, visibility: 'public' | 'private' = 'public') => {
  const response = await api<Process>('POST', '/api/v1/processes', {
    as: 'admin',
    body: { title: { fr: title }, description: { fr: 'Une concertation ouverte.' }, status: 'published', visibility },
  });
  expect(response.status).toBe(201);
  return response.body;
};
const rolesOf = async (processId: string) => {
  const response = await api<Roles>('GET', `/api/v1/processes/${processId}/roles`, { as: 'admin' });
  expect(response.status).toBe(200);
  return response.body.data;
};
const assign = (as: string, processId: string, personId: string, role: string) =>
  api<ProcessRoleAssignment & Problem>('POST', `/api/v1/processes/${processId}/roles`, {
    as,
    body: { personId, role },
  });
const remove = (as: string, processId: string, personId: string, role: string) =>
  api<Problem>('DELETE', `/api/v1/processes/${processId}/roles/${personId}/${role}`, { as });

describe('process roles and invitations through the gateway', () => {
  let people: Record<'admin' | 'moderator' | 'alice' | 'bob', Me>;
  let consultation: Process;
  let other: Process;

  beforeAll(async () => {
    people = {
      admin: await me('admin'),
      moderator: await me('moderator'),
      alice: await me('alice'),
      bob: await me('bob'),
    };
    consultation = await createProcess('Assises de l’alimentation durable du Rouergue');
    other = await createProcess('Schéma cyclable du Larzac');
  });

  afterAll(async () => {
    // Other e2e files share the platform and its demo users: leave their /me as it was.
    for (const process of [consultation, other]) {
      for (const assignment of await rolesOf(process.id)) {
        await remove('admin', process.id, assignment.personId, assignment.role);
      }
    }
  });

  it('lets a platform admin make someone moderator, once, and shows it in their GET /me', async () => {
    const given = await assign('admin', consultation.id, people.moderator.id, 'moderator');
    expect(given.status).toBe(201);
    expect(given.body).toEqual({
      processId: consultation.id,
      personId: people.moderator.id,
      role: 'moderator',
      assignedBy: people.admin.id,
      assignedAt: expect.any(String),
    });
    const again = await assign('admin', consultation.id, people.moderator.id, 'moderator');
    expect(again.body).toEqual(given.body);
    expect(await rolesOf(consultation.id)).toEqual([given.body]);

    expect((await me('moderator')).processRoles).toEqual(
      expect.arrayContaining([
        { processId: consultation.id, slug: consultation.slug, title: consultation.title, roles: ['moderator'] },
      ]),
    );
    // A role holder reads the roles of their process.
    const asModerator = await api<Roles>('GET', `/api/v1/processes/${consultation.id}/roles`, { as: 'moderator' });
    expect(asModerator.body.data).toEqual([given.body]);
  });

  it('refuses role changes to people who do not run the process, changing nothing', async () => {
    const before = await rolesOf(consultation.id);
    const assigned = await assign('alice', consultation.id, people.alice.id, 'admin');
    expect(assigned.status).toBe(403);
    expect(assigned.headers.get('content-type')).toMatch(/problem\+json/);
    expect(assigned.body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await remove('moderator', consultation.id, people.moderator.id, 'moderator')).status).toBe(403);
    expect((await api<Problem>('GET', `/api/v1/processes/${consultation.id}/roles`, { as: 'bob' })).status).toBe(403);
    expect((await api('POST', `/api/v1/processes/${consultation.id}/roles`, { body: {} })).status).toBe(401);
    expect(await rolesOf(consultation.id)).toEqual(before);
  });

  it('lets a process admin give and take roles in that process, and not in another', async () => {
    expect((await assign('admin', consultation.id, people.alice.id, 'admin')).status).toBe(201);
    expect((await me('alice')).processRoles).toEqual(
      expect.arrayContaining([expect.objectContaining({ processId: consultation.id, roles: ['admin'] })]),
    );

    const given = await assign('alice', consultation.id, people.bob.id, 'valuator');
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ role: 'valuator', assignedBy: people.alice.id });
    const before = await rolesOf(other.id);
    expect((await assign('alice', other.id, people.bob.id, 'valuator')).status).toBe(403);
    expect(await rolesOf(other.id)).toEqual(before);

    expect((await remove('alice', consultation.id, people.bob.id, 'valuator')).status).toBe(204);
    expect((await remove('alice', consultation.id, people.bob.id, 'valuator')).status).toBe(204);
    expect((await rolesOf(consultation.id)).some((a) => a.personId === people.bob.id)).toBe(false);
  });

  it('keeps the only process admin from giving up their own admin role', async () => {
    const roles = await rolesOf(consultation.id);
    expect(roles.filter((a) => a.role === 'admin').map((a) => a.personId)).toEqual([people.alice.id]);
    const refused = await remove('alice', consultation.id, people.alice.id, 'admin');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'last_admin' });
    expect(await rolesOf(consultation.id)).toEqual(roles);
  });

  it.each<[string, () => Promise<{ status: number; body: Problem }>, number, string, string | null]>([
    [
      'an unknown role',
      () => assign('admin', consultation.id, people.bob.id, 'owner'),
      400,
      'validation_failed',
      'role',
    ],
    [
      'a person who does not exist',
      () => assign('admin', consultation.id, randomUUID(), 'valuator'),
      400,
      'validation_failed',
      'personId',
    ],
    [
      'a process id that is no UUID',
      () => assign('admin', 'budget', people.bob.id, 'valuator'),
      400,
      'validation_failed',
      'processId',
    ],
    [
      'a process that does not exist',
      () => assign('admin', randomUUID(), people.bob.id, 'valuator'),
      404,
      'not_found',
      null,
    ],
    [
      'an unknown role to remove',
      () => remove('admin', consultation.id, people.bob.id, 'owner'),
      400,
      'validation_failed',
      'role',
    ],
  ])('refuses %s with a clear problem, changing nothing', async (_what, call, status, code, field) => {
    const before = await rolesOf(consultation.id);
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ status, code });
    if (field) expect(response.body.errors).toEqual([expect.objectContaining({ path: field })]);
    expect(await rolesOf(consultation.id)).toEqual(before);
  });

  it('makes a private process visible to the people invited to it, until uninvited', async () => {
    const hidden = await createProcess('Conférence des financeurs solidaires', 'private');
    const path = `/api/v1/processes/${hidden.id}`;
    expect((await api('GET', path, { as: 'bob' })).status).toBe(404);

    const invited = await api<Invitations>('POST', `${path}/invitations`, {
      as: 'admin',
      body: { personIds: [people.bob.id, people.bob.id] },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.data).toEqual([
      { processId: hidden.id, personId: people.bob.id, invitedBy: people.admin.id, invitedAt: expect.any(String) },
    ]);
    expect((await api('GET', path, { as: 'bob' })).status).toBe(200);
    expect((await api('GET', path, { as: 'alice' })).status).toBe(404);
    expect((await api<Invitations>('GET', `${path}/invitations`, { as: 'admin' })).body).toEqual(invited.body);
    // Invited people see the process, not who else is.
    expect((await api('GET', `${path}/invitations`, { as: 'bob' })).status).toBe(403);
    // People not in a private process are not told it exists.
    expect(
      (await api('POST', `${path}/invitations`, { as: 'alice', body: { personIds: [people.alice.id] } })).status,
    ).toBe(404);

    const unknown = randomUUID();
    const refused = await api<Problem>('POST', `${path}/invitations`, {
      as: 'admin',
      body: { personIds: [people.alice.id, unknown] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'personIds.1' })]);
    expect((await api<Invitations>('GET', `${path}/invitations`, { as: 'admin' })).body).toEqual(invited.body);

    expect((await api('DELETE', `${path}/invitations/${people.bob.id}`, { as: 'admin' })).status).toBe(204);
    expect((await api('DELETE', `${path}/invitations/${people.bob.id}`, { as: 'admin' })).status).toBe(204);
    expect((await api('GET', path, { as: 'bob' })).status).toBe(404);
  });

  it('documents the endpoints and the extended GET /me in the OpenAPI document', async () => {
    const document = await api<{
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/docs/openapi.json');
    expect(Object.keys(document.body.paths['/api/v1/processes/{id}/roles'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(document.body.paths['/api/v1/processes/{id}/invitations'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/processes/{id}/roles/{personId}/{role}',
        '/api/v1/processes/{id}/invitations/{personId}',
      ]),
    );
    expect(Object.keys(document.body.components.schemas)).toEqual(
      expect.arrayContaining(['Me', 'MePerson', 'ProcessRoleAssignment', 'ProcessInvitation']),
    );
  });
});
