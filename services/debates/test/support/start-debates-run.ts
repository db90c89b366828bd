import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { startServiceRun } from '@convergences/service-testing';
import type { IsolatedRun, ServiceProcess } from '@convergences/testing';
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
  const started = await startServiceRun(debatesService, label, {
    others: ['members', 'processes', ...(withProposals ? ['proposals'] : [])],
  });
  return { ...started, others: Object.values(started.others), debates: started.service };
}

export { openPhase } from '@convergences/service-testing';
