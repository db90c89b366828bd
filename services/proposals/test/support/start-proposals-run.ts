import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, startServiceProcess, type IsolatedRun, type ServiceProcess } from '@convergences/testing';
import { proposalsService } from '../../src/proposals.service';

/** What a proposals integration test runs against. */
export interface ProposalsRun {
  run: IsolatedRun;
  members: ServiceProcess;
  processes: ServiceProcess;
  proposals: RunningService;
  client: ServiceClient;
}

/**
 * An isolated run with members and processes as their own processes (a service's tests never
 * import another service), proposals in this process, and a connected client.
 */
export async function startProposalsRun(
  label: string,
  clientName: string,
  requestTimeoutMs = 5000,
): Promise<ProposalsRun> {
  const run = await createIsolatedRun(label);
  const [members, processes, proposals] = await Promise.all([
    startServiceProcess('members', run.env),
    startServiceProcess('processes', run.env),
    startService(proposalsService, run.env),
  ]);
  const client = new ServiceClient({
    natsUrl: run.natsUrl,
    subjectPrefix: run.subjectPrefix,
    requestTimeoutMs,
    name: clientName,
  });
  await client.connect();
  return { run, members, processes, proposals, client };
}
