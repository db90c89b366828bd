import { DomainError, type Actor, type Me, type MePerson, type PersonalDataExport } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import { PersonDirectory } from '../auth/person-directory';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';
import { AcceptsDeletedAccount, isDeletedAccount } from './deleted-account';
import { exportFileName, gatherPersonalData } from './personal-data-export';

@Controller('api/v1/me')
export class MeController {
  constructor(
    @Inject(SERVICES) private readonly services: ServiceClient,
    private readonly people: PersonDirectory,
  ) {}

  /**
   * The signed-in person, registered in `members` on first sight of their token, with the
   * processes where they hold roles (asked of `processes` at the same time; if either service
   * does not answer, the whole answer is a 503, never a partial one).
   */
  @Get()
  me(@SignedIn() actor: Actor, @Req() request: GatewayRequest): Promise<Me> {
    return this.withProcessRoles(
      actor,
      request,
      forward(this.services, request, 'members.person.get', { id: actor.personId }),
    );
  }

  /** Edits the signed-in person's own profile; answers as `GET /me` does. */
  @Patch()
  async update(@SignedIn() actor: Actor, @Body() body: unknown, @Req() request: GatewayRequest): Promise<Me> {
    const me = await this.withProcessRoles(
      actor,
      request,
      forward(this.services, request, 'members.person.update', objectBody(body)),
    );
    // The next request of theirs sees the new name at once, on this replica (others hear the event).
    this.people.forget(actor.personId);
    return me;
  }

  /** Everything the platform holds about the signed-in person, as a JSON download. */
  @Get('export')
  async export(
    @SignedIn() actor: Actor,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PersonalDataExport> {
    const personalData = await gatherPersonalData(this.services, request, actor);
    const nickname = String(personalData.person.nickname ?? actor.username);
    response.attachment(exportFileName(nickname, personalData.exportedAt));
    return personalData;
  }

  /**
   * Deletes the signed-in person's account: anonymised everywhere, their token refused from now
   * on. Deleting it again answers 204 too. The identity provider's account stays: the operator
   * removes it there.
   */
  @Delete()
  @HttpCode(204)
  @AcceptsDeletedAccount()
  async delete(@Req() request: GatewayRequest): Promise<void> {
    if (isDeletedAccount(request)) return;
    const actor = request.actor;
    if (!actor) throw new DomainError('unauthenticated', 'Sign in to delete your account.');
    await forward(this.services, request, 'members.privacy.delete', { personId: actor.personId });
    // Every replica also forgets them on members.person.deleted.
    this.people.forget(actor.personId);
  }

  private async withProcessRoles(actor: Actor, request: GatewayRequest, person: Promise<MePerson>): Promise<Me> {
    const [me, processRoles] = await Promise.all([
      person,
      forward(this.services, request, 'processes.role.listMine', { personId: actor.personId }),
    ]);
    return { ...me, processRoles: processRoles.data };
  }
}
