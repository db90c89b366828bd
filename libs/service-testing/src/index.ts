// What a service's integration tests share: the service under test in the test's process, the
// services it talks to as their own processes (a service's tests never import another service),
// a connected client, and a phase opened through `processes`. Apart from `libs/testing`, which
// `libs/messaging`'s own tests use and so may not depend on it.
import type { Actor, PhaseRulesInput } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService, type ServiceDefinition } from '@convergences/service-runtime';
import { createIsolatedRun, startServiceProcess, type IsolatedRun, type ServiceProcess } from '@convergences/testing';

export interface ServiceRun {
  run: IsolatedRun;
  /** The other services, by name, each its own process. */
  others: Record<string, ServiceProcess>;
  service: RunningService;
  client: ServiceClient;
  stop(): Promise<void>;
}

export interface ServiceRunOptions {
  /** The services it talks to, started from their builds (`members`, `processes`, …). */
  others: string[];
  clientName?: string;
  requestTimeoutMs?: number;
}

/** An isolated run (own database, subjects and stream) with the service under test and those it talks to. */
export async function startServiceRun(
  definition: ServiceDefinition,
  label: string,
  { others, clientName = `${label}-test`, requestTimeoutMs = 5000 }: ServiceRunOptions,
): Promise<ServiceRun> {
  const run = await createIsolatedRun(label);
  const [service, processes] = await Promise.all([
    startService(definition, run.env),
    Promise.all(others.map((name) => startServiceProcess(name, run.env))),
  ]);
  const client = new ServiceClient({
    natsUrl: run.natsUrl,
    subjectPrefix: run.subjectPrefix,
    requestTimeoutMs,
    name: clientName,
  });
  await client.connect();
  return {
    run,
    others: Object.fromEntries(others.map((name, i) => [name, processes[i]])),
    service,
    client,
    async stop() {
      await client.close();
      await Promise.all([...processes.map((p) => p.stop()), service.close()]);
      await run.dispose();
    },
  };
}

/** Gives a process an active phase with these rules (by default: proposals open), through `processes`. */
export async function openPhase(
  client: ServiceClient,
  admin: Actor,
  processId: string,
  rules: PhaseRulesInput = { proposals: { creationEnabled: true } },
  title = 'Participation',
): Promise<string> {
  const context = { actor: admin, requestId: `open-phase-${processId}` };
  const phase = await client.request('processes.phase.create', { processId, title: { fr: title }, rules }, context);
  await client.request('processes.phase.activate', { processId, phaseId: phase.id }, context);
  return phase.id;
}
