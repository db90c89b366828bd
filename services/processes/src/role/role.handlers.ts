import type { MyProcessRole, ParsedRequestOf, ProcessRoleAssignment } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assignRole } from './assign-role';
import { listRoles, listRolesOfPerson } from './list-roles';
import { removeRole } from './remove-role';

@Controller()
export class RoleHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('processes.role.assign')
  assign(body: ParsedRequestOf<'processes.role.assign'>, context: RequestContext): Promise<ProcessRoleAssignment> {
    return assignRole({ db: this.db, services: this.services }, context, body);
  }

  @Handles('processes.role.remove')
  remove(body: ParsedRequestOf<'processes.role.remove'>, { actor }: RequestContext): Promise<{ removed: boolean }> {
    return removeRole(this.db, actor, body);
  }

  @Handles('processes.role.list')
  list(
    body: ParsedRequestOf<'processes.role.list'>,
    { actor }: RequestContext,
  ): Promise<{ data: ProcessRoleAssignment[] }> {
    return listRoles(this.db, actor, body.processId);
  }

  @Handles('processes.role.listMine')
  listMine(
    body: ParsedRequestOf<'processes.role.listMine'>,
    { actor }: RequestContext,
  ): Promise<{ data: MyProcessRole[] }> {
    return listRolesOfPerson(this.db, actor, body.personId);
  }
}
