// Endorsements: as oneself or on behalf of a verified organisation one belongs to, once each,
// when the phase opens them; the public list of endorsers; a counter always equal to the rows.
import type { Actor, Process, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { sql } from 'kysely';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(60_000);

describe('endorsements', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let process: Process;
  let proposal: Proposal;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `endorsements-${++seq}` });
  const endorse = (actor: Actor, proposalId: string, organizationId?: string) =>
    client.request(
      'proposals.endorsement.create',
      { proposalId, ...(organizationId ? { organizationId } : {}) },
      as(actor),
    );
  const takeBack = (actor: Actor, proposalId: string, organizationId?: string) =>
    client.request(
      'proposals.endorsement.delete',
      { proposalId, ...(organizationId ? { organizationId } : {}) },
      as(actor),
    );
  const endorsers = (proposalId: string) =>
    client.request('proposals.endorsement.list', { proposalId } as never, as(null));
  const counted = async (proposalId: string) => {
    const { rows } = await sql<{ counter: number; rows: number }>`select endorsements_count as counter,
      (select count(*)::int from endorsements where proposal_id = ${proposalId}) as rows
      from proposals where id = ${proposalId}`.execute(proposals.db);
    return rows[0];
  };
  const eventTypes = async (proposalId: string) => {
    const { rows } = await sql<{ type: string }>`select type from outbox
      where type like 'proposals.endorsement.%' and envelope->'data'->>'proposalId' = ${proposalId}
      order by id`.execute(proposals.db);
    return rows.map((r) => r.type);
  };

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun(
      'endorsements',
      'endorsements-test',
      10_000,
    ));
    const signIn = (username: string, displayName: string, roles: string[]) =>
      registerPerson(client, as(null), displayName, { username, roles, email: `${username}@example.org` });
    [admin, alice, bob] = await Promise.all([
      signIn('admin', 'Admin', ['admin', 'participant']),
      signIn('alice', 'Alice Vernadet', ['participant']),
      signIn('bob', 'Bob Lestrade', ['participant']),
    ]);
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif de Pézenas' }, description: { fr: 'Ouverte.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id, {
      proposals: { creationEnabled: true, endorsementsEnabled: true },
    });
    proposal = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Une ressourcerie au centre-ville', body: 'Réparer plutôt que jeter.' },
      as(alice),
    );
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('lets a person endorse as themself and for a verified organisation they belong to, once each, listed publicly', async () => {
    const organization = await client.request(
      'members.organization.create',
      { name: 'Repair Café de Pézenas', kind: 'association' },
      as(bob),
    );
    // Pending organisations do not endorse.
    await expect(endorse(bob, proposal.id, organization.id)).rejects.toMatchObject({ code: 'forbidden' });
    await client.request('members.organization.verify', { id: organization.id }, as(admin));

    const own = await endorse(bob, proposal.id);
    expect(own).toMatchObject({ personId: bob.personId, personName: 'Bob Lestrade', organizationId: null });
    const forOrganization = await endorse(bob, proposal.id, organization.id);
    expect(forOrganization).toMatchObject({
      organizationId: organization.id,
      organizationName: 'Repair Café de Pézenas',
    });
    await expect(endorse(bob, proposal.id)).rejects.toMatchObject({
      code: 'conflict',
      details: { endorsementId: own.id },
    });
    // Alice is no member of it.
    await expect(endorse(alice, proposal.id, organization.id)).rejects.toMatchObject({ code: 'forbidden' });

    const listed = await endorsers(proposal.id);
    expect(listed.meta.total).toBe(2);
    expect(listed.data.map((e) => [e.personName, e.organizationName])).toEqual([
      ['Bob Lestrade', null],
      ['Bob Lestrade', 'Repair Café de Pézenas'],
    ]);
    expect(await counted(proposal.id)).toEqual({ counter: 2, rows: 2 });
    await expect(client.request('proposals.proposal.get', { id: proposal.id }, as(null))).resolves.toMatchObject({
      endorsementsCount: 2,
    });

    await takeBack(bob, proposal.id, organization.id);
    await expect(takeBack(bob, proposal.id, organization.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await counted(proposal.id)).toEqual({ counter: 1, rows: 1 });
    expect(await eventTypes(proposal.id)).toEqual([
      'proposals.endorsement.created',
      'proposals.endorsement.created',
      'proposals.endorsement.deleted',
    ]);
  });

  it('keeps the counter exact under concurrent endorsements and retractions', async () => {
    const people = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        registerPerson(client, as(null), `Voisin ${i}`, { username: `voisin${i}`, roles: ['participant'] }),
      ),
    );
    await Promise.allSettled([...people, ...people].map((person) => endorse(person, proposal.id)));
    await Promise.allSettled(people.slice(0, 3).map((person) => takeBack(person, proposal.id)));
    const { counter, rows } = await counted(proposal.id);
    expect(counter).toBe(rows);
    expect(rows).toBe(1 + 8 - 3);
  });

  it('refuses endorsements where the phase does not open them, and on drafts and withdrawn proposals', async () => {
    const closed = await client.request(
      'processes.process.create',
      { title: { fr: 'Concertation sans soutiens' }, description: { fr: 'Ouverte.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, closed.id);
    const plain = await client.request(
      'proposals.proposal.create',
      { processId: closed.id, title: 'Une proposition sans appuis', body: 'Rien.' },
      as(alice),
    );
    await expect(endorse(bob, plain.id)).rejects.toMatchObject({ code: 'phase_closed' });

    const draft = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Un brouillon pas encore public', body: 'Rien.', draft: true },
      as(alice),
    );
    await expect(endorse(bob, draft.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(endorsers(draft.id)).rejects.toMatchObject({ code: 'not_found' });

    const withdrawn = await client.request(
      'proposals.proposal.create',
      { processId: process.id, title: 'Une proposition bientôt retirée', body: 'Rien.' },
      as(bob),
    );
    await endorse(alice, withdrawn.id);
    await client.request('proposals.proposal.withdraw', { id: withdrawn.id }, as(bob));
    await expect(endorse(bob, withdrawn.id)).rejects.toMatchObject({ code: 'proposal_withdrawn' });
    // Endorsements already given stay listed.
    expect((await endorsers(withdrawn.id)).meta.total).toBe(1);
  });
});
