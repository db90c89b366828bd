import type {
  Page,
  ParsedRequestOf,
  Proposal,
  Valuation,
  ValuationNote,
  ValuatorAssignment,
} from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { addValuationNote } from './add-valuation-note';
import { assignValuator } from './assign-valuator';
import { getValuation } from './get-valuation';
import { listMyValuations } from './list-my-valuations';
import { unassignValuator } from './unassign-valuator';

@Controller()
export class ValuationHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  private get deps() {
    return { db: this.db, services: this.services };
  }

  @Handles('proposals.valuator.assign')
  assign(body: ParsedRequestOf<'proposals.valuator.assign'>, context: RequestContext): Promise<ValuatorAssignment> {
    return assignValuator(this.deps, context, body);
  }

  @Handles('proposals.valuator.unassign')
  unassign(
    body: ParsedRequestOf<'proposals.valuator.unassign'>,
    context: RequestContext,
  ): Promise<{ removed: boolean }> {
    return unassignValuator(this.deps, context, body);
  }

  @Handles('proposals.valuation.get')
  get(body: ParsedRequestOf<'proposals.valuation.get'>, context: RequestContext): Promise<Valuation> {
    return getValuation(this.deps, context, body);
  }

  @Handles('proposals.valuation.mine')
  mine(body: ParsedRequestOf<'proposals.valuation.mine'>, context: RequestContext): Promise<Page<Proposal>> {
    return listMyValuations(this.deps, context, body);
  }

  @Handles('proposals.valuation.addNote')
  addNote(body: ParsedRequestOf<'proposals.valuation.addNote'>, context: RequestContext): Promise<ValuationNote> {
    return addValuationNote(this.deps, context, body);
  }
}
