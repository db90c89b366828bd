import type { Actor, AdminPerson, Page, PublicPerson } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import { PersonDirectory } from '../auth/person-directory';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('api/v1/people')
export class PeopleController {
  constructor(
    @Inject(SERVICES) private readonly services: ServiceClient,
    private readonly people: PersonDirectory,
  ) {}

  /** Platform admins: people, searchable and filterable by block state. */
  @Get()
  list(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<AdminPerson>> {
    return forward(this.services, request, 'members.person.list', query);
  }

  /**
   * A public profile by nickname. Nicknames are at most 30 characters, so an id (36) is never one:
   * platform admins read a person's administrative record by id on the same path.
   */
  @Get(':nicknameOrId')
  get(
    @Param('nicknameOrId') nicknameOrId: string,
    @Req() request: GatewayRequest,
  ): Promise<PublicPerson | AdminPerson> {
    if (UUID.test(nicknameOrId)) return forward(this.services, request, 'members.person.inspect', { id: nicknameOrId });
    return forward(this.services, request, 'members.person.profile', { nickname: nicknameOrId });
  }

  @Post(':id/block')
  @HttpCode(200)
  async block(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<AdminPerson> {
    const person = await forward(this.services, request, 'members.person.block', { ...objectBody(body), id });
    // Holds from the person's next request on this replica; the others hear the event.
    this.people.forget(person.id);
    return person;
  }

  @Post(':id/unblock')
  @HttpCode(200)
  async unblock(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Req() request: GatewayRequest,
  ): Promise<AdminPerson> {
    const person = await forward(this.services, request, 'members.person.unblock', { id });
    this.people.forget(person.id);
    return person;
  }
}
