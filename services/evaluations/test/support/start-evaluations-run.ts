import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { startServiceRun } from '@convergences/service-testing';
import type { IsolatedRun, ServiceProcess } from '@convergences/testing';
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
  const started = await startServiceRun(evaluationsService, label, { others: ['members', 'processes', 'proposals'] });
  return { ...started, others: Object.values(started.others), evaluations: started.service };
}

export { openPhase } from '@convergences/service-testing';
