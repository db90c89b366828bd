import type { MySupports, ParsedRequestOf, Support, SupportWithdrawal } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { giveSupport } from './give-support';
import { mySupports } from './my-supports';
import { withdrawSupport } from './withdraw-support';

@Controller()
export class SupportHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('proposals.support.give')
  give(body: ParsedRequestOf<'proposals.support.give'>, context: RequestContext): Promise<Support> {
    return giveSupport({ db: this.db, services: this.services }, context, body);
  }

  @Handles('proposals.support.withdraw')
  withdraw(body: ParsedRequestOf<'proposals.support.withdraw'>, context: RequestContext): Promise<SupportWithdrawal> {
    return withdrawSupport({ db: this.db, services: this.services }, context, body);
  }

  @Handles('proposals.support.mine')
  mine(body: ParsedRequestOf<'proposals.support.mine'>, context: RequestContext): Promise<MySupports> {
    return mySupports({ db: this.db, services: this.services }, context, body);
  }
}
