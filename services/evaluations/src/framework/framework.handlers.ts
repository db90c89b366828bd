import type { Framework, FrameworkSummary, Page, ParsedRequestOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { adoptFramework } from './adopt-framework';
import { createFramework, type FrameworkDeps } from './create-framework';
import { getFramework, listFrameworks, listVersions } from './read-frameworks';
import { startVersion } from './start-version';
import { updateFramework } from './update-framework';

@Controller()
export class FrameworkHandlers {
  private readonly deps: FrameworkDeps;

  constructor(@Inject(DATABASE) db: Kysely<EvaluationsDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services };
  }

  @Handles('evaluations.framework.create')
  create(body: ParsedRequestOf<'evaluations.framework.create'>, context: RequestContext): Promise<Framework> {
    return createFramework(this.deps, context, body);
  }

  @Handles('evaluations.framework.list')
  list(query: ParsedRequestOf<'evaluations.framework.list'>, context: RequestContext): Promise<Page<FrameworkSummary>> {
    return listFrameworks(this.deps, context, query);
  }

  @Handles('evaluations.framework.get')
  get(body: ParsedRequestOf<'evaluations.framework.get'>, context: RequestContext): Promise<Framework> {
    return getFramework(this.deps, context, body);
  }

  @Handles('evaluations.framework.update')
  update(body: ParsedRequestOf<'evaluations.framework.update'>, context: RequestContext): Promise<Framework> {
    return updateFramework(this.deps, context, body);
  }

  @Handles('evaluations.framework.adopt')
  adopt(body: ParsedRequestOf<'evaluations.framework.adopt'>, context: RequestContext): Promise<Framework> {
    return adoptFramework(this.deps, context, body);
  }

  @Handles('evaluations.framework.versions')
  versions(
    query: ParsedRequestOf<'evaluations.framework.versions'>,
    context: RequestContext,
  ): Promise<Page<FrameworkSummary>> {
    return listVersions(this.deps, context, query);
  }

  @Handles('evaluations.framework.startVersion')
  startVersion(
    body: ParsedRequestOf<'evaluations.framework.startVersion'>,
    context: RequestContext,
  ): Promise<Framework> {
    return startVersion(this.deps, context, body);
  }
}
