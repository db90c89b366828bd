// Supports under the exact rules of a process, against real Postgres and NATS, with processes
// (permission checks) and members (verifications) running as their own processes. Every limit is
// proven under concurrency and every test ends by checking the invariants in the database.
import type {
  Actor,
  EventEnvelope,
  ParticipationSettingsInput,
  PhaseRulesInput,
  Process,
  Support,
} from '@convergences/contracts';
import { DomainError } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { eventually, type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(60_000);

const supportsOpen: PhaseRulesInput = { proposals: { supportsEnabled: true } };

describe('supports', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let seq = 0;
  const as = (actor: Actor | null, idempotencyKey?: string) => ({
    actor,
    requestId: `supports-${++seq}`,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

  /** Supports need no more of a person than the id the actor carries: processes answers for anyone. */
  const participant = (): Actor => {
    const personId = uuidv7();
    return {
      personId,
      subject: `sub-${personId}`,
      username: `p-${personId}`,
      displayName: 'Participante',
      roles: ['participant'],
      locale: 'fr',
    };
  };
  const support = (actor: Actor | null, proposalId: string, idempotencyKey?: string) =>
    client.request('proposals.support.give', { proposalId }, as(actor, idempotencyKey));
  const withdraw = (actor: Actor | null, proposalId: string) =>
    client.request('proposals.support.withdraw', { proposalId }, as(actor));
  const mine = (actor: Actor, processId: string) => client.request('proposals.support.mine', { processId }, as(actor));
  const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

  const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(proposals.db)).rows;
  const supportsCount = async (proposalId: string) =>
    (await rows(sql<{ n: number }>`select supports_count as n from proposals where id = ${proposalId}`))[0].n;
  const snapshotCounts = async () =>
    (
      await rows(sql<{ supports: number; tallies: number; outbox: number; counts: number }>`select
        (select count(*)::int from supports) as supports,
        (select coalesce(sum(given), 0)::int from support_tallies) as tallies,
        (select count(*)::int from outbox) as outbox,
        (select coalesce(sum(supports_count), 0)::int from proposals) as counts`)
    )[0];
  const supportEvents = async (type: string, proposalId: string) =>
    (
      await rows(sql<{ envelope: EventEnvelope }>`select envelope from outbox
        where type = ${type} and envelope->'data'->>'proposalId' = ${proposalId} order by id`)
    ).map((r) => r.envelope);

  /** What no interleaving may ever break, checked across the whole schema. */
  const expectInvariants = async () => {
    expect(
      await rows(sql`select p.id, p.supports_count, count(s.id) filter (where s.counted)::int as counted
        from proposals p left join supports s on s.proposal_id = p.id
        group by p.id having p.supports_count <> count(s.id) filter (where s.counted)`),
    ).toEqual([]);
    expect(
      await rows(sql`select t.process_id, t.person_id, t.given from support_tallies t
        where t.given <> (select count(*) from supports s where s.process_id = t.process_id and s.person_id = t.person_id)`),
    ).toEqual([]);
    // All of a person's supports in a process count, or none do.
    expect(
      await rows(sql`select process_id, person_id from supports group by process_id, person_id
        having bool_or(counted) <> bool_and(counted)`),
    ).toEqual([]);
  };

  const supportingProcess = async (
    settings: ParticipationSettingsInput = {},
    rules: PhaseRulesInput = supportsOpen,
    extra: Record<string, unknown> = {},
  ): Promise<Process> => {
    const process = await client.request(
      'processes.process.create',
      {
        title: { fr: `Budget participatif n° ${++seq}` },
        description: { fr: 'Soutenir les propositions.' },
        status: 'published',
        settings,
        ...extra,
      },
      as(admin),
    );
    await openPhase(client, admin, process.id, rules);
    return process;
  };

  /** Published proposals, written straight into the table: supports only need them to exist. */
  const seedProposals = async (processId: string, count: number): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => uuidv7());
    const author = uuidv7();
    await proposals.db
      .insertInto('proposals' as never)
      .values(
        ids.map((id, i) => ({
          id,
          process_id: processId,
          reference: `SUP-${id}`,
          title: `Proposition à soutenir n° ${i + 1}`,
          body: 'Une proposition pour les tests de soutiens.',
          locale: 'fr',
          author_id: author,
          state: 'published',
          published_at: new Date(),
        })) as never,
      )
      .execute();
    return ids;
  };

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('supports', 'supports-test', 30_000));
    admin = await registerPerson(client, as(null), 'Admin', { username: 'admin', roles: ['admin', 'participant'] });
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  afterEach(expectInvariants);

  it('counts a support at once without a minimum, announces it, and takes it back', async () => {
    const process = await supportingProcess({ supportQuota: 3 });
    const [proposalId] = await seedProposals(process.id, 1);
    const alice = participant();

    const given = await support(alice, proposalId);
    expect(given).toEqual({
      id: expect.any(String),
      proposalId,
      processId: process.id,
      personId: alice.personId,
      state: 'counted',
      createdAt: expect.any(String),
    });
    expect(await supportsCount(proposalId)).toBe(1);
    expect(await supportEvents('proposals.support.given', proposalId)).toEqual([
      expect.objectContaining({
        actor: { personId: alice.personId },
        data: { supportId: given.id, proposalId, processId: process.id, personId: alice.personId },
      }),
    ]);
    expect(await mine(alice, process.id)).toEqual({
      processId: process.id,
      given: 1,
      quota: 3,
      remaining: 2,
      minimumSupportsPerPerson: 0,
      counting: true,
      supports: [given],
    });
    await expect(support(alice, proposalId)).rejects.toMatchObject({ code: 'already_supported' });

    await expect(withdraw(alice, proposalId)).resolves.toEqual({ withdrawn: given });
    expect(await supportsCount(proposalId)).toBe(0);
    expect(await supportEvents('proposals.support.withdrawn', proposalId)).toEqual([
      expect.objectContaining({
        data: { supportId: given.id, proposalId, processId: process.id, personId: alice.personId },
      }),
    ]);
    // Taking back what is not there is no error, and changes nothing.
    const before = await snapshotCounts();
    await expect(withdraw(alice, proposalId)).resolves.toEqual({ withdrawn: null });
    expect(await snapshotCounts()).toEqual(before);
    expect((await mine(alice, process.id)).remaining).toBe(3);
  });

  it('never lets 200 parallel supports of one person across 200 proposals exceed a quota of 10', async () => {
    const process = await supportingProcess({ supportQuota: 10 });
    const ids = await seedProposals(process.id, 200);
    const bob = participant();

    const outcomes = await Promise.allSettled(ids.map((id) => support(bob, id)));
    const given = outcomes.filter((o) => o.status === 'fulfilled');
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [codeOf(o.reason)] : []));
    expect(given).toHaveLength(10);
    expect(new Set(refusals)).toEqual(new Set(['quota_reached']));
    expect(refusals).toHaveLength(190);

    const [tally] = await rows(sql<{ given: number }>`select given from support_tallies
      where process_id = ${process.id} and person_id = ${bob.personId}`);
    const [held] = await rows(sql<{ n: number; counts: number }>`select count(*)::int as n,
      (select sum(supports_count)::int from proposals where process_id = ${process.id}) as counts
      from supports where process_id = ${process.id} and person_id = ${bob.personId}`);
    expect(tally.given).toBe(10);
    expect(held).toEqual({ n: 10, counts: 10 });
    expect(await mine(bob, process.id)).toMatchObject({ given: 10, quota: 10, remaining: 0 });

    // Taking one back frees exactly one.
    const firstGiven = (given[0] as PromiseFulfilledResult<Support>).value;
    await withdraw(bob, firstGiven.proposalId);
    const second = await Promise.allSettled(ids.slice(0, 50).map((id) => support(bob, id)));
    expect(second.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((await mine(bob, process.id)).given).toBe(10);
  });

  it('never lets 500 people at threshold − 1 take a proposal past its threshold of 50', async () => {
    const process = await supportingProcess({ supportThreshold: 50, supportsBeyondThreshold: false });
    const [proposalId, other] = await seedProposals(process.id, 2);
    await Promise.all(Array.from({ length: 49 }, () => support(participant(), proposalId)));
    expect(await supportsCount(proposalId)).toBe(49);

    const outcomes = await Promise.allSettled(Array.from({ length: 500 }, () => support(participant(), proposalId)));
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [codeOf(o.reason)] : []));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(new Set(refusals)).toEqual(new Set(['threshold_reached']));

    const [counted] = await rows(sql<{ n: number }>`select count(*)::int as n from supports
      where proposal_id = ${proposalId} and counted`);
    expect(await supportsCount(proposalId)).toBe(50);
    expect(counted.n).toBe(50);
    // The other proposal of the process still takes supports.
    await expect(support(participant(), other)).resolves.toMatchObject({ state: 'counted' });
  }, 60_000);

  it('lets supports go beyond the threshold when the process allows it', async () => {
    const process = await supportingProcess({ supportThreshold: 2, supportsBeyondThreshold: true });
    const [proposalId] = await seedProposals(process.id, 1);
    await Promise.all(Array.from({ length: 5 }, () => support(participant(), proposalId)));
    expect(await supportsCount(proposalId)).toBe(5);
  });

  it('keeps supports pending until the minimum, counts them all at once, and makes them pending again below it', async () => {
    const process = await supportingProcess({ supportQuota: 5, minimumSupportsPerPerson: 3 });
    const ids = await seedProposals(process.id, 4);
    const claire = participant();
    const counts = () => Promise.all(ids.map(supportsCount));

    expect(await support(claire, ids[0])).toMatchObject({ state: 'pending' });
    expect(await support(claire, ids[1])).toMatchObject({ state: 'pending' });
    expect(await counts()).toEqual([0, 0, 0, 0]);
    expect(await mine(claire, process.id)).toMatchObject({ given: 2, remaining: 3, counting: false });

    expect(await support(claire, ids[2])).toMatchObject({ state: 'counted' });
    expect(await counts()).toEqual([1, 1, 1, 0]);
    const mineNow = await mine(claire, process.id);
    expect(mineNow).toMatchObject({ given: 3, counting: true, minimumSupportsPerPerson: 3 });
    expect(mineNow.supports.map((s) => s.state)).toEqual(['counted', 'counted', 'counted']);

    expect(await support(claire, ids[3])).toMatchObject({ state: 'counted' });
    expect(await counts()).toEqual([1, 1, 1, 1]);
    await withdraw(claire, ids[3]);
    expect(await counts()).toEqual([1, 1, 1, 0]);

    // Falling below the minimum: every remaining support is pending again.
    await withdraw(claire, ids[0]);
    expect(await counts()).toEqual([0, 0, 0, 0]);
    expect(await mine(claire, process.id)).toMatchObject({ given: 2, counting: false });
    expect(await support(claire, ids[3])).toMatchObject({ state: 'counted' });
    expect(await counts()).toEqual([0, 1, 1, 1]);
  });

  it('gives a pending support to no proposal at its threshold, and counts none past it when the minimum is reached', async () => {
    const process = await supportingProcess({
      supportQuota: 3,
      minimumSupportsPerPerson: 2,
      supportThreshold: 1,
      supportsBeyondThreshold: false,
    });
    const [full, second, third] = await seedProposals(process.id, 3);
    const [early, filler, late] = [participant(), participant(), participant()];

    expect(await support(early, full)).toMatchObject({ state: 'pending' });
    await support(filler, full);
    await support(filler, second);
    expect(await supportsCount(full)).toBe(1);

    await expect(support(late, full)).rejects.toMatchObject({
      code: 'threshold_reached',
      details: { threshold: 1, proposalIds: [full] },
    });
    // Early's supports would all count now, but the one on `full` cannot: nothing changes.
    const before = await snapshotCounts();
    await expect(support(early, third)).rejects.toMatchObject({
      code: 'threshold_reached',
      details: { proposalIds: [full] },
    });
    expect(await snapshotCounts()).toEqual(before);
    await withdraw(early, full);
    expect(await support(early, third)).toMatchObject({ state: 'pending' });
    expect(await supportsCount(full)).toBe(1);
  });

  it('keeps every invariant through a storm of supports and withdrawals crossing minimum and threshold', async () => {
    const process = await supportingProcess({
      supportQuota: 4,
      minimumSupportsPerPerson: 2,
      supportThreshold: 8,
      supportsBeyondThreshold: false,
    });
    const ids = await seedProposals(process.id, 5);
    const people = Array.from({ length: 20 }, participant);
    const expected = new Set(['quota_reached', 'threshold_reached', 'already_supported']);
    const outcomes = await Promise.allSettled(
      people.flatMap((person, p) =>
        ids.flatMap((id, i) => [
          support(person, id),
          ...((p + i) % 3 === 0 ? [withdraw(person, ids[(i + 1) % ids.length])] : []),
        ]),
      ),
    );
    const unexpected = outcomes.flatMap((o) =>
      o.status === 'rejected' && !expected.has(codeOf(o.reason)) ? [codeOf(o.reason)] : [],
    );
    expect(unexpected).toEqual([]);
    const counts = await Promise.all(ids.map(supportsCount));
    for (const count of counts) expect(count).toBeLessThanOrEqual(8);
    expect(
      await rows(sql`select person_id from support_tallies where process_id = ${process.id} and given > 4`),
    ).toEqual([]);
  });

  it('answers a retried support with the same idempotency key with the first one, creating one', async () => {
    const process = await supportingProcess({ supportQuota: 5 });
    const [proposalId, other] = await seedProposals(process.id, 2);
    const denise = participant();
    const key = `support-${uuidv7()}`;

    const first = await support(denise, proposalId, key);
    await expect(support(denise, proposalId, key)).resolves.toEqual(first);
    const together = await Promise.all(Array.from({ length: 10 }, () => support(denise, other, `together-${key}`)));
    for (const answer of together) expect(answer).toEqual(together[0]);
    expect(await supportEvents('proposals.support.given', proposalId)).toHaveLength(1);
    expect(await supportEvents('proposals.support.given', other)).toHaveLength(1);
    expect(await mine(denise, process.id)).toMatchObject({ given: 2 });
    // Without a key, a second support of the same proposal is refused.
    await expect(support(denise, proposalId)).rejects.toMatchObject({ code: 'already_supported' });
  });

  it('refuses supports to withdrawn and published-rejected proposals, not to a held rejection', async () => {
    const process = await supportingProcess();
    const [withdrawn, rejected, held, supported] = await seedProposals(process.id, 4);
    const emile = participant();
    await support(emile, supported);
    await sql`update proposals set state = 'withdrawn', withdrawn_at = now() where id in (${withdrawn}, ${supported})`.execute(
      proposals.db,
    );
    await sql`update proposals set answer_state = 'rejected', answer_body = '{"fr":"Hors compétence."}',
      answered_at = now(), answer_published_at = case when id = ${rejected} then now() end
      where id in (${rejected}, ${held})`.execute(proposals.db);

    const before = await snapshotCounts();
    await expect(support(emile, withdrawn)).rejects.toMatchObject({
      code: 'proposal_withdrawn',
      details: { proposalId: withdrawn },
    });
    await expect(support(emile, rejected)).rejects.toMatchObject({ code: 'proposal_rejected' });
    expect(await snapshotCounts()).toEqual(before);
    await expect(support(emile, held)).resolves.toMatchObject({ state: 'counted' });
    // A support already given to a proposal since withdrawn may be taken back, to be spent elsewhere.
    await expect(withdraw(emile, supported)).resolves.toMatchObject({ withdrawn: { proposalId: supported } });
  });

  it('answers not_found for an unknown proposal and a draft, unauthenticated without an actor, 400 for a bad id', async () => {
    const process = await supportingProcess();
    const [proposalId] = await seedProposals(process.id, 1);
    await sql`update proposals set state = 'draft', reference = null, published_at = null where id = ${proposalId}`.execute(
      proposals.db,
    );
    const before = await snapshotCounts();
    await expect(support(participant(), uuidv7())).rejects.toMatchObject({ code: 'not_found' });
    await expect(support(participant(), proposalId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(support(null, proposalId)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(support(participant(), 'PROP-2026-000001')).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'proposalId' })],
    });
    expect(await snapshotCounts()).toEqual(before);
  });

  it('follows the phase: phase_closed when supports are not open, supports_blocked both ways when frozen', async () => {
    const process = await supportingProcess({}, { proposals: { creationEnabled: true } });
    const [proposalId] = await seedProposals(process.id, 1);
    const fanny = participant();
    await expect(support(fanny, proposalId)).rejects.toMatchObject({
      code: 'phase_closed',
      details: { processId: process.id, action: 'support_proposal' },
    });

    await openPhase(client, admin, process.id, supportsOpen);
    await support(fanny, proposalId);
    await openPhase(client, admin, process.id, { proposals: { supportsEnabled: true, supportsBlocked: true } });
    const before = await snapshotCounts();
    await expect(support(participant(), proposalId)).rejects.toMatchObject({ code: 'supports_blocked' });
    await expect(withdraw(fanny, proposalId)).rejects.toMatchObject({ code: 'supports_blocked' });
    expect(await snapshotCounts()).toEqual(before);
    expect(await supportsCount(proposalId)).toBe(1);
  });

  it('asks for the verification the process requires', async () => {
    const territory = await client.request(
      'processes.territory.create',
      { name: 'Le Vigan', type: 'commune' },
      as(admin),
    );
    const process = await supportingProcess(
      { requiredVerifications: { support_proposal: 'residency' } },
      supportsOpen,
      { territoryId: territory.id },
    );
    const [proposalId] = await seedProposals(process.id, 1);
    await expect(support(participant(), proposalId)).rejects.toMatchObject({
      code: 'verification_required',
      details: { kind: 'residency', territoryId: territory.id },
    });
    expect(await supportsCount(proposalId)).toBe(0);
  });

  it('gives no support to a proposal hidden by moderation, and lets one given before be taken back', async () => {
    const process = await supportingProcess({ supportQuota: 2 }, supportsOpen);
    const [hidden, shown] = await seedProposals(process.id, 2);
    const supporter = participant();
    await support(supporter, hidden);
    await sql`update proposals set hidden_at = now() where id = ${hidden}`.execute(proposals.db);
    await expect(support(participant(), hidden)).rejects.toMatchObject({ code: 'not_found' });
    expect(await supportsCount(hidden)).toBe(1);
    await withdraw(supporter, hidden);
    expect(await supportsCount(hidden)).toBe(0);
    await expect(support(supporter, shown)).resolves.toMatchObject({ proposalId: shown, state: 'counted' });
  });

  it('hides support counts from proposal reads when the phase says so, not from those who run the process', async () => {
    const process = await supportingProcess({}, { proposals: { supportsEnabled: true, supportsHidden: true } });
    const [proposalId] = await seedProposals(process.id, 1);
    const supporter = participant();
    await support(supporter, proposalId);
    expect(await supportsCount(proposalId)).toBe(1);
    await eventually(async () => {
      expect(await client.request('proposals.proposal.get', { id: proposalId }, as(null))).toMatchObject({
        supportsCount: null,
      });
    }, 10_000);
    await expect(client.request('proposals.proposal.get', { id: proposalId }, as(supporter))).resolves.toMatchObject({
      supportsCount: null,
    });
    await expect(client.request('proposals.proposal.get', { id: proposalId }, as(admin))).resolves.toMatchObject({
      supportsCount: 1,
    });
    const listed = (actor: Actor | null) =>
      client.request('proposals.proposal.list', { processId: process.id } as never, as(actor));
    expect((await listed(supporter)).data.map((p) => p.supportsCount)).toEqual([null]);
    expect((await listed(admin)).data.map((p) => p.supportsCount)).toEqual([1]);
    await openPhase(client, admin, process.id, supportsOpen);
    await eventually(async () => {
      expect(await client.request('proposals.proposal.get', { id: proposalId }, as(null))).toMatchObject({
        supportsCount: 1,
      });
    }, 10_000);
  });
});
