// Personal data across services: members deletes and exports the account, proposals anonymises
// its authors on members.person.deleted, processes answers for the processes a person created.
// Proposals runs here; members and processes run as their own processes, in one isolated run
// against real Postgres and NATS.
import type { Actor, MePerson, Process } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, type IsolatedRun, type ServiceProcess } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(30_000);

describe('personal data rights across members, processes and proposals', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let process: Process;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `privacy-${++seq}` });

  const actorOf = (person: MePerson): Actor => ({
    personId: person.id,
    subject: person.subject,
    username: person.username,
    displayName: person.displayName,
    roles: person.roles,
    locale: person.locale,
  });
  const identityOf = (username: string, displayName: string, roles: string[]) => ({
    subject: `sub-${username}-${randomUUID()}`,
    username,
    email: `${username}@example.org`,
    displayName,
    roles,
    locale: 'fr' as const,
  });
  const signIn = async (username: string, displayName: string, roles = ['participant']) =>
    actorOf(await client.request('members.person.ensure', identityOf(username, displayName, roles), as(null)));
  const deleteAccount = (actor: Actor) =>
    client.request('members.privacy.delete', { personId: actor.personId }, as(actor));
  const propose = (actor: Actor, title: string) =>
    client.request('proposals.proposal.create', { processId: process.id, title, body: 'Le détail.' }, as(actor));
  const exportOf = (service: 'members' | 'processes' | 'proposals', actor: Actor) =>
    client.request(`${service}.privacy.export`, { personId: actor.personId }, as(actor));

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('privacy', 'privacy-test'));
    admin = await signIn('admin', 'Admin', ['admin', 'participant']);
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif de Millau' }, description: { fr: 'Ouvert.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id);
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('exports what each service holds about the person, to that person only', async () => {
    const person = await signIn('mireille', 'Mireille Aubrac');
    const proposal = await propose(person, 'Un jardin partagé derrière la médiathèque');
    const organization = await client.request(
      'members.organization.create',
      { name: 'Jardins de la Dourbie', kind: 'association' },
      as(person),
    );

    const fromMembers = await exportOf('members', person);
    expect(fromMembers.service).toBe('members');
    expect(fromMembers.data).toMatchObject({
      profile: { id: person.personId, email: 'mireille@example.org', displayName: 'Mireille Aubrac' },
      memberships: [expect.objectContaining({ organizationId: organization.id, role: 'admin', status: 'active' })],
      administeredOrganizations: [{ id: organization.id, slug: organization.slug, name: 'Jardins de la Dourbie' }],
      createdOrganizations: [expect.objectContaining({ id: organization.id })],
      verifications: [],
    });
    expect((await exportOf('proposals', person)).data).toMatchObject({
      proposals: [expect.objectContaining({ id: proposal.id, authorId: person.personId })],
    });
    // Statistics count the person from the proposal's event, a moment after it.
    await eventually(async () =>
      expect((await exportOf('processes', person)).data).toEqual({
        createdProcesses: [],
        processRoles: [],
        processInvitations: [],
        countedInStatisticsOf: [{ processId: process.id, slug: process.slug, since: expect.any(String) }],
      }),
    );
    expect((await exportOf('processes', admin)).data).toEqual({
      createdProcesses: [expect.objectContaining({ id: process.id, slug: process.slug })],
      processRoles: [],
      processInvitations: [],
      countedInStatisticsOf: [],
    });

    await expect(
      client.request('members.privacy.export', { personId: person.personId }, as(admin)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.request('proposals.privacy.export', { personId: person.personId }, as(null)),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses to delete the last admin of an organisation, naming it and changing nothing', async () => {
    const person = await signIn('gaspard', 'Gaspard Roquefeuil');
    await client.request('members.organization.create', { name: 'Relais du Larzac', kind: 'relais_local' }, as(person));

    await expect(deleteAccount(person)).rejects.toMatchObject({
      code: 'last_admin',
      message: expect.stringContaining('Relais du Larzac'),
      details: { organizationName: 'Relais du Larzac' },
    });
    const after = await client.request('members.person.get', { id: person.personId }, as(admin));
    expect(after).toMatchObject({ displayName: 'Gaspard Roquefeuil', email: 'gaspard@example.org' });
    expect((await exportOf('members', person)).data).toMatchObject({ memberships: [expect.anything()] });
  });

  it('deletes an account once: anonymised in members, its proposals signed "Compte supprimé"', async () => {
    const identity = identityOf('octave', 'Octave Sévérac', ['participant']);
    const person = actorOf(await client.request('members.person.ensure', identity, as(null)));
    await client.request('members.person.update', { nickname: 'octave-s', bio: 'Maraîcher.' }, as(person));
    const proposal = await propose(person, 'Des bancs le long du Tarn');
    const other = await signIn('irene', 'Irène Causse');
    const organization = await client.request(
      'members.organization.create',
      { name: 'Coopérative du Causse', kind: 'cooperative' },
      as(other),
    );
    const invited = await client.request(
      'members.membership.invite',
      { organizationId: organization.id, personId: person.personId, role: 'admin' },
      as(other),
    );
    await client.request('members.membership.accept', { id: invited.id }, as(person));

    const deleted = await deleteAccount(person);
    expect(deleted).toMatchObject({ personId: person.personId, deleted: true });

    const anonymised = await client.request('members.person.get', { id: person.personId }, as(admin));
    expect(anonymised).toMatchObject({
      displayName: 'Compte supprimé',
      email: null,
      bio: null,
      profileVisibility: 'private',
    });
    expect(anonymised.nickname).toMatch(/^deleted-[0-9a-f]{20}$/);
    await expect(client.request('members.person.profile', { nickname: 'octave-s' }, as(null))).rejects.toMatchObject({
      code: 'not_found',
    });
    const remaining = await client.request(
      'members.membership.listForOrganization',
      { organizationId: organization.id },
      as(other),
    );
    expect(remaining.data.map((m) => m.personId)).toEqual([other.personId]);

    // The same token no longer signs anybody in, and its facts are not mirrored back.
    await expect(client.request('members.person.ensure', identity, as(null))).rejects.toMatchObject({
      code: 'account_deleted',
    });
    expect(await client.request('members.person.get', { id: person.personId }, as(admin))).toMatchObject({
      email: null,
    });

    await eventually(async () => {
      const seen = await client.request('proposals.proposal.get', { id: proposal.id }, as(null));
      expect(seen).toMatchObject({
        id: proposal.id,
        title: 'Des bancs le long du Tarn',
        authorName: 'Compte supprimé',
      });
    }, 10_000);

    const handled = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from processed_events
          where consumer = 'proposals-person-deleted'`.execute(proposals.db)
      ).rows[0].n;
    expect(await handled()).toBe(1);

    // Deleting again changes nothing and announces nothing.
    await expect(deleteAccount(person)).resolves.toMatchObject({ deleted: false, deletedAt: deleted.deletedAt });
    expect(await client.request('members.person.get', { id: person.personId }, as(admin))).toEqual(anonymised);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await handled()).toBe(1);
  });
});
