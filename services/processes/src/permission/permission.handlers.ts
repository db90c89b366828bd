import type { ParsedRequestOf, PermissionDecision } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { checkPermission } from './check-permission';

@Controller()
export class PermissionHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  /** Allow, or deny with a reason: the one place other services learn the rules of a process. */
  @Handles('processes.permission.check')
  check(body: ParsedRequestOf<'processes.permission.check'>, context: RequestContext): Promise<PermissionDecision> {
    const actor = body.actor === undefined ? context.actor : body.actor;
    return checkPermission({ db: this.db, services: this.services }, context, body.processId, body.action, actor);
  }
}
