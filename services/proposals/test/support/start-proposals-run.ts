import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { startServiceRun } from '@convergences/service-testing';
import type { IsolatedRun, ServiceProcess } from '@convergences/testing';
import { proposalsService } from '../../src/proposals.service';

/** What a proposals integration test runs against. */
export interface ProposalsRun {
  run: IsolatedRun;
  members: ServiceProcess;
  processes: ServiceProcess;
  proposals: RunningService;
  client: ServiceClient;
}

/** An isolated run with members and processes as their own processes, proposals in this process, and a connected client. */
export async function startProposalsRun(
  label: string,
  clientName: string,
  requestTimeoutMs = 5000,
): Promise<ProposalsRun> {
  const { run, others, service, client } = await startServiceRun(proposalsService, label, {
    others: ['members', 'processes'],
    clientName,
    requestTimeoutMs,
  });
  return { run, members: others.members, processes: others.processes, proposals: service, client };
}
