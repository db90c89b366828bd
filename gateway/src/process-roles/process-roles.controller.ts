import type { Actor, ProcessInvitation, ProcessRoleAssignment } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/** Who holds which role in a process, and who is invited to it (its admins and platform admins manage both). */
@Controller('api/v1/processes/:id')
export class ProcessRolesController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get('roles')
  roles(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: ProcessRoleAssignment[] }> {
    return forward(this.services, request, 'processes.role.list', { processId });
  }

  /** Gives a role; giving one the person holds already answers that assignment. */
  @Post('roles')
  @HttpCode(201)
  assign(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<ProcessRoleAssignment> {
    return forward(this.services, request, 'processes.role.assign', { ...objectBody(body), processId });
  }

  /** Takes a role away; 204 also when the person did not hold it. */
  @Delete('roles/:personId/:role')
  @HttpCode(204)
  async remove(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('personId') personId: string,
    @Param('role') role: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'processes.role.remove', { processId, personId, role });
  }

  @Get('invitations')
  invitations(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: ProcessInvitation[] }> {
    return forward(this.services, request, 'processes.invitation.list', { processId });
  }

  /** Invites people at once; those invited already keep their invitation. */
  @Post('invitations')
  @HttpCode(201)
  invite(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<{ data: ProcessInvitation[] }> {
    return forward(this.services, request, 'processes.invitation.create', { ...objectBody(body), processId });
  }

  /** Withdraws an invitation; 204 also when there was none. */
  @Delete('invitations/:personId')
  @HttpCode(204)
  async uninvite(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('personId') personId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'processes.invitation.remove', { processId, personId });
  }
}
