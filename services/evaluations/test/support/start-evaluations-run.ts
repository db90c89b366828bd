import type { Actor, PhaseRulesInput } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, startServiceProcess, type IsolatedRun, type ServiceProcess } from '@convergences/testing';
import { evaluationsService } from '../../src/evaluations.service';

/** What an evaluations integration test runs against. */
export interface EvaluationsRun {
  run: IsolatedRun;
  others: ServiceProcess[];
  evaluations: RunningService;
  client: ServiceClient;
  stop(): Promise<void>;
}

/**
 * An isolated run with members, processes and proposals as their own processes — a service's
 * tests never import another service — evaluations in this process, and a connected client.
 */
export async function startEvaluationsRun(label: string): Promise<EvaluationsRun> {
  const run = await createIsolatedRun(label);
  const [evaluations, others] = await Promise.all([
    startService(evaluationsService, run.env),
    Promise.all(['members', 'processes', 'proposals'].map((name) => startServiceProcess(name, run.env))),
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
    evaluations,
    client,
    async stop() {
      await client.close();
      await Promise.all([...others.map((p) => p.stop()), evaluations.close()]);
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
  title = 'Critères',
): Promise<string> {
  const context = { actor: admin, requestId: `open-phase-${processId}` };
  const phase = await client.request('processes.phase.create', { processId, title: { fr: title }, rules }, context);
  await client.request('processes.phase.activate', { processId, phaseId: phase.id }, context);
  return phase.id;
}
