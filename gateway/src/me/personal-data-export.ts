import { serviceNames, type Actor, type PersonalDataExport, type ServiceName } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { callContext, type GatewayRequest } from '../auth/request-context';

/**
 * Everything the platform holds about the person: every service answers for its own data, all
 * asked at once. One service failing fails the export: a partial export is never handed out.
 */
export async function gatherPersonalData(
  services: ServiceClient,
  request: GatewayRequest,
  actor: Actor,
): Promise<PersonalDataExport> {
  const context = callContext(request);
  const answers = await Promise.all(
    serviceNames.map((service) =>
      services.request(
        `${service}.privacy.export` as `${ServiceName}.privacy.export`,
        { personId: actor.personId },
        context,
      ),
    ),
  );
  const members = answers[serviceNames.indexOf('members')].data;
  return {
    exportedAt: new Date().toISOString(),
    person: (members.profile ?? {}) as Record<string, unknown>,
    services: Object.fromEntries(serviceNames.map((service, i) => [service, answers[i].data])),
  };
}

/** `convergences-export-<nickname>-<YYYY-MM-DD>.json` */
export function exportFileName(nickname: string, exportedAt: string): string {
  return `convergences-export-${nickname}-${exportedAt.slice(0, 10)}.json`;
}
