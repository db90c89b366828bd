import type { ParsedRequestOf, ProcessInvitation } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { invitePeople } from './invite-people';
import { listInvitations } from './list-invitations';
import { uninvitePerson } from './uninvite-person';

@Controller()
export class InvitationHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('processes.invitation.create')
  create(
    body: ParsedRequestOf<'processes.invitation.create'>,
    context: RequestContext,
  ): Promise<{ data: ProcessInvitation[] }> {
    return invitePeople({ db: this.db, services: this.services }, context, body);
  }

  @Handles('processes.invitation.remove')
  remove(
    body: ParsedRequestOf<'processes.invitation.remove'>,
    { actor }: RequestContext,
  ): Promise<{ removed: boolean }> {
    return uninvitePerson(this.db, actor, body);
  }

  @Handles('processes.invitation.list')
  list(
    body: ParsedRequestOf<'processes.invitation.list'>,
    { actor }: RequestContext,
  ): Promise<{ data: ProcessInvitation[] }> {
    return listInvitations(this.db, actor, body.processId);
  }
}
