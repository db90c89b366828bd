import { DomainError, type ParsedRequestOf, type Support } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { participationInForce } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
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
  supportsOfPersonIn,
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
 * first result. Every statement here runs under load (see supports-surge in docs/performance.md):
 * a support costs ten statements, none of them there for nothing.
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
    // Everything that is read, not locked, is read before the transaction opens: the proposal's
    // process, the process's say, and the rules in force (as a snapshot: the transaction holds
    // the limits it read, whatever an admin changes meanwhile).
    async () => {
      const proposal = await findTarget(deps.db, request.proposalId);
      // Hidden by moderation, it takes no support (taking one back stays possible: see withdraw-support).
      if (!proposal || proposal.state === 'draft' || proposal.hidden) {
        throw new DomainError('not_found', 'No such proposal.');
      }
      const [decision, participation] = await Promise.all([
        deps.services.request(
          'processes.permission.check',
          { processId: proposal.processId, action: 'support_proposal' },
          context,
        ),
        participationInForce(deps.db, deps.services, proposal.processId, context),
      ]);
      assertMaySupport(actor, decision);
      return { processId: proposal.processId, limits: supportLimitsOf(participation.settings) };
    },
    async (trx, { processId, limits }) => {
      const targetId = request.proposalId;
      const given = await takeFromQuota(trx, processId, actor.personId, limits.quota);
      if (given === undefined) throw quotaReached(limits);
      const mine = await supportsOfPersonIn(trx, processId, actor.personId);
      if (mine.some((support) => support.proposalId === targetId)) throw alreadySupported(targetId);

      // All the person's supports count, or none: this one may turn their pending ones into
      // counted ones (or, if the process raised its minimum, their counted ones back to pending).
      const counted = supportsCountAt(given, limits);
      const others = mine.filter((support) => support.counted !== counted).map((support) => support.proposalId);
      const locked = await lockTargets(trx, [targetId, ...others]);
      assertTakesSupports(locked.get(targetId)!, limits);
      if (counted) {
        const toCount = [targetId, ...others];
        const raised = await countUp(trx, toCount, limits.cap);
        if (raised.length < toCount.length) {
          const full = toCount.filter((id) => !raised.includes(id));
          throw thresholdReached(full, limits, !full.includes(targetId));
        }
      } else {
        await countDown(trx, others);
      }
      if (others.length > 0) await setCounted(trx, processId, actor.personId, counted);
      const support = await insertSupport(trx, {
        id: uuidv7(),
        proposal_id: targetId,
        process_id: processId,
        person_id: actor.personId,
        counted,
      });
      await addToOutbox(
        trx,
        domainEvent(
          'proposals.support.given',
          { supportId: support.id, proposalId: targetId, processId, personId: actor.personId },
          actor,
        ),
      );
      return toSupport(support);
    },
  );
}
