import { DomainError, type ParsedRequestOf, type Support } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ProposalsDatabase } from '../db/schema';
import { participationInForce } from '../participation/participation-in-force';
import {
  alreadySupported,
  assertMaySupport,
  assertTakesSupports,
  quotaReached,
  supportLimitsOf,
  supportsCountAt,
  thresholdReached,
} from './support.policy';
import {
  countDown,
  countUp,
  findTarget,
  insertSupport,
  lockTargets,
  setCounted,
  supportedProposalIds,
  supportOf,
  takeFromQuota,
  toSupport,
} from './support.repository';

export interface SupportDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * A participant supports a published proposal, within the quota of the process, the threshold of
 * the proposal and the minimum per person, in one transaction that locks the person's tally row
 * first, then the proposals it changes in id order. The process's say (phase, verification,
 * block) is asked before the transaction opens. A retried request with the same key answers the
 * first result.
 */
export async function giveSupport(
  deps: SupportDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.support.give'>,
): Promise<Support> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to support a proposal.');
  const scope = { personId: actor.personId, operation: 'proposals.support.give', key: context.idempotencyKey };
  return idempotentCreation(
    deps.db,
    scope,
    async () => {
      const proposal = await findTarget(deps.db, request.proposalId);
      if (!proposal || proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
      assertMaySupport(
        actor,
        await deps.services.request(
          'processes.permission.check',
          { processId: proposal.processId, action: 'support_proposal' },
          context,
        ),
      );
    },
    async (trx) => {
      const target = (await findTarget(trx, request.proposalId))!;
      const { processId } = target;
      const limits = supportLimitsOf((await participationInForce(trx, deps.services, processId, context)).settings);

      const given = await takeFromQuota(trx, processId, actor.personId, limits.quota);
      if (given === undefined) throw quotaReached(limits);
      if (await supportOf(trx, target.id, actor.personId)) throw alreadySupported(target.id);

      // All the person's supports count, or none: this one may turn their pending ones into
      // counted ones (or, if the process raised its minimum, their counted ones back to pending).
      const counted = supportsCountAt(given, limits);
      const others = await supportedProposalIds(trx, processId, actor.personId, !counted);
      const locked = await lockTargets(trx, [target.id, ...others]);
      assertTakesSupports(locked.get(target.id)!, limits);
      if (counted) {
        const toCount = [target.id, ...others];
        const raised = await countUp(trx, toCount, limits.cap);
        if (raised.length < toCount.length) {
          const full = toCount.filter((id) => !raised.includes(id));
          throw thresholdReached(full, limits, !full.includes(target.id));
        }
      } else {
        await countDown(trx, others);
      }
      await setCounted(trx, processId, actor.personId, counted);
      const support = await insertSupport(trx, {
        id: uuidv7(),
        proposal_id: target.id,
        process_id: processId,
        person_id: actor.personId,
        counted,
      });
      await addToOutbox(
        trx,
        domainEvent(
          'proposals.support.given',
          { supportId: support.id, proposalId: target.id, processId, personId: actor.personId },
          actor,
        ),
      );
      return toSupport(support);
    },
  );
}
