import type { Actor, PhaseRulesInput } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';

/** Gives a process an active phase with these rules (by default: proposals open), through `processes`. */
export async function openPhase(
  client: ServiceClient,
  admin: Actor,
  processId: string,
  rules: PhaseRulesInput = { proposals: { creationEnabled: true } },
): Promise<string> {
  const context = { actor: admin, requestId: `open-phase-${processId}` };
  const phase = await client.request(
    'processes.phase.create',
    { processId, title: { fr: 'Propositions' }, rules },
    context,
  );
  await client.request('processes.phase.activate', { processId, phaseId: phase.id }, context);
  return phase.id;
}
