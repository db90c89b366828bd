// Valuators: assigned by the process's admins, they see their proposals only, write private
// notes and draft answers that an admin publishes. Real Postgres and NATS; members and processes
// run as their own processes.
import type { Actor, Process, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(30_000);

describe('valuators', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let valuator: Actor;
  let otherValuator: Actor;
  let alice: Actor;
  let process: Process;
  let assigned: Proposal;
  let notAssigned: Proposal;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `valuations-${++seq}` });
  const propose = (title: string) =>
    client.request('proposals.proposal.create', { processId: process.id, title, body: 'Le détail.' }, as(alice));
  const valuation = (actor: Actor, proposalId: string) =>
    client.request('proposals.valuation.get', { proposalId }, as(actor));
  const mine = (actor: Actor, query: Record<string, unknown> = {}) =>
    client.request('proposals.valuation.mine', { processId: process.id, ...query }, as(actor));

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('valuations', 'valuations-test'));
    const signIn = (username: string, displayName: string, roles: string[] = ['participant']) =>
      registerPerson(client, as(null), displayName, { username, roles });
    admin = await signIn('admin', 'Admin', ['admin', 'participant']);
    valuator = await signIn('valuator', 'Valérie Estimateur');
    otherValuator = await signIn('valuator2', 'Victor Expertise');
    alice = await signIn('alice', 'Alice Vernadet');
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif du Puy' }, description: { fr: 'Une concertation.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id);
    for (const person of [valuator, otherValuator]) {
      await client.request(
        'processes.role.assign',
        { processId: process.id, personId: person.personId, role: 'valuator' },
        as(admin),
      );
    }
    assigned = await propose('Des jardins partagés au pied des immeubles');
    notAssigned = await propose('Une navette électrique vers la gare');
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('are assigned by admins, only among the valuators of the process', async () => {
    const assignment = await client.request(
      'proposals.valuator.assign',
      { proposalId: assigned.id, personId: valuator.personId },
      as(admin),
    );
    expect(assignment).toMatchObject({
      proposalId: assigned.id,
      personId: valuator.personId,
      assignedBy: admin.personId,
    });
    await expect(
      client.request('proposals.valuator.assign', { proposalId: assigned.id, personId: valuator.personId }, as(admin)),
    ).resolves.toEqual(assignment);
    await expect(
      client.request('proposals.valuator.assign', { proposalId: assigned.id, personId: alice.personId }, as(admin)),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'personId' })] });
    await expect(
      client.request(
        'proposals.valuator.assign',
        { proposalId: notAssigned.id, personId: valuator.personId },
        as(valuator),
      ),
    ).rejects.toMatchObject({ code: 'role_required' });
  });

  it('see only the proposals assigned to them', async () => {
    const page = await mine(valuator);
    expect(page.data.map((p) => p.id)).toEqual([assigned.id]);
    expect(page.meta.total).toBe(1);
    expect((await mine(otherValuator)).meta.total).toBe(0);
    await expect(mine(alice)).rejects.toMatchObject({ code: 'role_required' });
    await expect(valuation(valuator, notAssigned.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(valuation(alice, assigned.id)).rejects.toMatchObject({ code: 'role_required' });
  });

  it('see the proposals assigned to them in every process where they valuate, until the role is taken away', async () => {
    const everywhere = (actor: Actor | null, query: Record<string, unknown> = {}) =>
      client.request('proposals.valuation.mine', query, as(actor));
    const elsewhere = await client.request(
      'processes.process.create',
      { title: { fr: 'Mobilités du Velay' }, description: { fr: 'Une autre concertation.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, elsewhere.id);
    await client.request(
      'processes.role.assign',
      { processId: elsewhere.id, personId: valuator.personId, role: 'valuator' },
      as(admin),
    );
    const there = await client.request(
      'proposals.proposal.create',
      { processId: elsewhere.id, title: 'Un covoiturage solidaire vers Yssingeaux', body: 'Le détail.' },
      as(alice),
    );
    await client.request('proposals.valuator.assign', { proposalId: there.id, personId: valuator.personId }, as(admin));

    expect((await everywhere(valuator)).data.map((p) => p.id)).toEqual([there.id, assigned.id]);
    expect((await everywhere(valuator, { processId: elsewhere.id })).data.map((p) => p.id)).toEqual([there.id]);
    expect((await everywhere(otherValuator)).meta.total).toBe(0);
    expect((await everywhere(admin)).meta.total).toBe(0);
    await expect(everywhere(alice)).rejects.toMatchObject({ code: 'role_required' });
    await expect(everywhere(null)).rejects.toMatchObject({ code: 'unauthenticated' });

    await client.request(
      'processes.role.remove',
      { processId: elsewhere.id, personId: valuator.personId, role: 'valuator' },
      as(admin),
    );
    const after = await everywhere(valuator);
    expect(after.data.map((p) => p.id)).toEqual([assigned.id]);
    expect(after.meta.total).toBe(1);
    await expect(everywhere(valuator, { processId: elsewhere.id })).rejects.toMatchObject({ code: 'role_required' });
  });

  it('write private notes seen by admins and the proposal’s valuators only', async () => {
    const note = await client.request(
      'proposals.valuation.addNote',
      { proposalId: assigned.id, body: 'Foncier à vérifier avec le bailleur.' },
      as(valuator),
    );
    expect(note).toMatchObject({ authorId: valuator.personId, authorName: 'Valérie Estimateur' });
    const seenByAdmin = await valuation(admin, assigned.id);
    expect(seenByAdmin.notes).toEqual([note]);
    expect(seenByAdmin.valuators.map((v) => v.personId)).toEqual([valuator.personId]);
    await expect(
      client.request('proposals.valuation.addNote', { proposalId: assigned.id, body: 'Intrus.' }, as(otherValuator)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.request('proposals.valuation.addNote', { proposalId: assigned.id, body: 'Intrus.' }, as(alice)),
    ).rejects.toMatchObject({ code: 'role_required' });
    const publicView = await client.request('proposals.proposal.get', { id: assigned.id }, as(null));
    expect(JSON.stringify(publicView)).not.toContain('Foncier');
  });

  it('draft a held answer that an admin publishes, and then may not change it', async () => {
    const answer = (actor: Actor, proposalId: string, extra: Record<string, unknown> = {}) =>
      client.request(
        'proposals.answer.give',
        { proposalId, state: 'accepted', body: { fr: 'Faisable en 2027.' }, ...extra },
        as(actor),
      );
    const drafted = await answer(valuator, assigned.id);
    expect(drafted.answer).toMatchObject({ state: 'accepted', publishedAt: null });
    expect((await client.request('proposals.proposal.get', { id: assigned.id }, as(null))).answer).toBeNull();
    expect((await mine(valuator, { unanswered: 'false' })).data[0].answer?.state).toBe('accepted');
    expect((await mine(valuator, { unanswered: 'true' })).meta.total).toBe(0);
    await expect(answer(valuator, assigned.id, { publish: true })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(answer(valuator, notAssigned.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(answer(otherValuator, assigned.id)).rejects.toMatchObject({ code: 'forbidden' });

    await expect(
      client.request('proposals.answer.publishAll', { processId: process.id }, as(valuator)),
    ).rejects.toMatchObject({ code: 'role_required' });
    await client.request('proposals.answer.publishAll', { processId: process.id }, as(admin));
    expect((await client.request('proposals.proposal.get', { id: assigned.id }, as(null))).answer).toMatchObject({
      state: 'accepted',
      body: { fr: 'Faisable en 2027.' },
    });
    await expect(answer(valuator, assigned.id, { state: 'evaluating' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lose their access once taken off the proposal', async () => {
    await expect(
      client.request(
        'proposals.valuator.unassign',
        { proposalId: assigned.id, personId: valuator.personId },
        as(admin),
      ),
    ).resolves.toEqual({ removed: true });
    await expect(valuation(valuator, assigned.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await mine(valuator)).meta.total).toBe(0);
    // Their notes stay, for the admins.
    expect((await valuation(admin, assigned.id)).notes).toHaveLength(1);
  });
});
