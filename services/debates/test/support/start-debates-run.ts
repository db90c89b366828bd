import type { Actor, PhaseRulesInput } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, startServiceProcess, type IsolatedRun, type ServiceProcess } from '@convergences/testing';
import { debatesService } from '../../src/debates.service';

/** What a debates integration test runs against. */
export interface DebatesRun {
  run: IsolatedRun;
  others: ServiceProcess[];
  debates: RunningService;
  client: ServiceClient;
  stop(): Promise<void>;
}

/**
 * An isolated run with members, processes (and proposals, for tests of comments on proposals)
 * as their own processes — a service's tests never import another service — debates in this
 * process, and a connected client.
 */
export async function startDebatesRun(
  label: string,
  { withProposals = false }: { withProposals?: boolean } = {},
): Promise<DebatesRun> {
  const run = await createIsolatedRun(label);
  const names = ['members', 'processes', ...(withProposals ? ['proposals'] : [])];
  const [debates, others] = await Promise.all([
    startService(debatesService, run.env),
    Promise.all(names.map((name) => startServiceProcess(name, run.env))),
  ]);
  const client = new ServiceClient({
    natsUrl: run.natsUrl,
    subjectPrefix: run.subjectPrefix,
    requestTimeoutMs: 5000,
    name: `${label}-test`,
  });
  await client.connect();
  return {
    run,
    others,
    debates,
    client,
    async stop() {
      await client.close();
      await Promise.all([...others.map((p) => p.stop()), debates.close()]);
      await run.dispose();
    },
  };
}

/** Gives a process an active phase with these rules, through `processes`. */
export async function openPhase(
  client: ServiceClient,
  admin: Actor,
  processId: string,
  rules: PhaseRulesInput,
  title = 'Débats',
): Promise<string> {
  const context = { actor: admin, requestId: `open-phase-${processId}` };
  const phase = await client.request('processes.phase.create', { processId, title: { fr: title }, rules }, context);
  await client.request('processes.phase.activate', { processId, phaseId: phase.id }, context);
  return phase.id;
}
