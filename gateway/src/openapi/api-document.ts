import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { namedSchemas } from './components';
import { registerComments } from '../comments/comments.openapi';
import { registerDebates } from '../debates/debates.openapi';
import { registerCampaigns } from '../campaigns/campaigns.openapi';
import { registerAssessments } from '../assessments/assessments.openapi';
import { registerStakeholders } from '../stakeholders/stakeholders.openapi';
import { registerProgressPlans } from '../progress-plans/progress-plans.openapi';
import { registerFrameworkValuations } from '../framework-valuations/framework-valuations.openapi';
import { registerResults } from '../results/results.openapi';
import { registerFrameworks } from '../frameworks/frameworks.openapi';
import { registerMemberships } from '../memberships/memberships.openapi';
import { registerMe } from '../me/me.openapi';
import { registerOrganizations } from '../organizations/organizations.openapi';
import { registerPeople } from '../people/people.openapi';
import { registerProcessRoles } from '../process-roles/process-roles.openapi';
import { registerProcessStats } from '../process-stats/process-stats.openapi';
import { registerProcesses } from '../processes/processes.openapi';
import { registerExports } from '../proposals/exports.openapi';
import { registerProposals } from '../proposals/proposals.openapi';
import { registerSupports } from '../proposals/supports.openapi';
import { registerAnswers } from '../proposals/answers.openapi';
import { registerValuations } from '../proposals/valuations.openapi';
import { registerTerritories } from '../territories/territories.openapi';
import { registerThemes } from '../themes/themes.openapi';
import { registerVerifications } from '../verifications/verifications.openapi';
import { registerActivity } from '../activity/activity.openapi';
import { registerModeration } from '../moderation/moderation.openapi';

/** The OpenAPI 3.1 document of the HTTP API, generated from the zod contracts. */
export function buildApiDocument(idpUrl: string, realm: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: `Access token from the identity provider (${idpUrl}/realms/${realm})`,
  });
  const components = namedSchemas();
  registerMe(registry, components);
  registerPeople(registry, components);
  registerProcesses(registry, components);
  registerProcessRoles(registry, components);
  registerProcessStats(registry);
  registerOrganizations(registry, components);
  registerMemberships(registry, components);
  registerProposals(registry, components);
  registerExports(registry);
  registerSupports(registry);
  registerAnswers(registry, components);
  registerValuations(registry, components);
  registerDebates(registry);
  registerComments(registry);
  registerModeration(registry);
  registerActivity(registry);
  registerFrameworks(registry);
  registerCampaigns(registry);
  registerAssessments(registry);
  registerStakeholders(registry);
  registerProgressPlans(registry);
  registerFrameworkValuations(registry);
  registerResults(registry);
  registerVerifications(registry, components);
  registerTerritories(registry, components);
  registerThemes(registry, components);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Convergences API',
      version: '1.0.0',
      description:
        'Participatory platform for social and solidarity economy networks and local authorities. ' +
        'Lists take `page`, `perPage` (≤ 100), `sort` and filters, and answer `{ data, meta: { total, page, perPage } }`; ' +
        'errors are RFC 9457 problems with a machine-readable `code`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
  });
}
