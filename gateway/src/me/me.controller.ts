import type { Actor, MePerson } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/me')
export class MeController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The signed-in person, registered in `members` on first sight of their token. */
  @Get()
  me(@SignedIn() actor: Actor, @Req() request: GatewayRequest): Promise<MePerson> {
    return forward(this.services, request, 'members.person.get', { id: actor.personId });
  }
}
