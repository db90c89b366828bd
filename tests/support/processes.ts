import type { Phase, Process, ProcessRole } from '@convergences/contracts';
import { api, type ApiResponse } from './api';

/** The demo consultation, which tests read and never change. */
export const DEMO_PROCESS_SLUG = 'innover-ensemble-pour-nos-territoires';

/** Setup that does not work makes every later step fail for nothing: say what went wrong here. */
function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A process of the test's own, created by `admin`: published, with this French title and description, and any other fields. */
export async function createProcess(
  title: string,
  description: string,
  fields: Record<string, unknown> = {},
): Promise<Process> {
  const created = await api<Process>('POST', '/api/v1/processes', {
    as: 'admin',
    body: { title: { fr: title }, description: { fr: description }, status: 'published', ...fields },
  });
  return expectStatus(created, 201, 'creating a process');
}

/** Adds a phase with these rules to the process and makes it the active one. */
export async function activatePhase(processId: string, title: string, rules: Record<string, unknown>): Promise<Phase> {
  const created = await api<Phase>('POST', `/api/v1/processes/${processId}/phases`, {
    as: 'admin',
    body: { title: { fr: title }, rules },
  });
  const phase = expectStatus(created, 201, 'adding a phase');
  const activated = await api<Phase>('POST', `/api/v1/processes/${processId}/phases/${phase.id}/activate`, {
    as: 'admin',
  });
  return expectStatus(activated, 200, 'activating a phase');
}

export interface OpenProcessOptions {
  title: string;
  description: string;
  /** The phase made active: its French title and rules. */
  phase: { title: string; rules: Record<string, unknown> };
  /** Any other field of the process (organizer, territory, settings…). */
  fields?: Record<string, unknown>;
}

/** A published process of the test's own with a phase of these rules active. */
export async function openProcess({ title, description, phase, fields }: OpenProcessOptions): Promise<Process> {
  const process = await createProcess(title, description, fields);
  await activatePhase(process.id, phase.title, phase.rules);
  return process;
}

/** `admin` gives the person this role in the process. */
export async function assignProcessRole(processId: string, personId: string, role: ProcessRole): Promise<void> {
  const assigned = await api('POST', `/api/v1/processes/${processId}/roles`, {
    as: 'admin',
    body: { personId, role },
  });
  expectStatus(assigned, 201, `giving the ${role} role`);
}

/** The demo consultation's organiser (read, never changed), for processes of the test's own. */
export async function demoOrganizer(): Promise<{ id: string; name: string }> {
  const demo = expectStatus(
    await api<Process>('GET', `/api/v1/processes/${DEMO_PROCESS_SLUG}`),
    200,
    'reading the demo',
  );
  const organizer = await api<{ name: string }>('GET', `/api/v1/organizations/${demo.organizerId}`);
  return { id: demo.organizerId!, name: expectStatus(organizer, 200, 'reading the demo organiser').name };
}
