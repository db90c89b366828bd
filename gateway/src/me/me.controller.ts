import type { Actor, MePerson } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, Inject, Patch, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import { PersonDirectory } from '../auth/person-directory';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/me')
export class MeController {
  constructor(
    @Inject(SERVICES) private readonly services: ServiceClient,
    private readonly people: PersonDirectory,
  ) {}

  /** The signed-in person, registered in `members` on first sight of their token. */
  @Get()
  me(@SignedIn() actor: Actor, @Req() request: GatewayRequest): Promise<MePerson> {
    return forward(this.services, request, 'members.person.get', { id: actor.personId });
  }

  /** Edits the signed-in person's own profile. */
  @Patch()
  async update(@SignedIn() actor: Actor, @Body() body: unknown, @Req() request: GatewayRequest): Promise<MePerson> {
    const person = await forward(this.services, request, 'members.person.update', objectBody(body));
    // The next request of theirs sees the new name at once, on this replica (others hear the event).
    this.people.forget(actor.personId);
    return person;
  }
}
