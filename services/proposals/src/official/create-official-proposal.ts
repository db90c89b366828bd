import { DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import { participationInForce, rememberAuthor } from '@convergences/read-models';
import { assertSignedIn } from '../answer/answer.policy';
import { assertPlacement } from '../proposal/proposal-placement';
import { announcePublished } from '../proposal/publish-proposal';
import { findById, insert, nextReference, toProposal } from '../proposal/proposal.repository';
import { assertMayAnswerIn, type StandingDeps } from '../valuation/proposal-standing';

/**
 * A process admin publishes an official proposal: shown at once under the name of the process's
 * organiser (kept as it was then), whatever the phase; the admin stays its author of record. It is
 * placed as a participant's is (a theme, a territory within the process's, a place where the
 * process locates proposals). A process without an organiser, or a closed one, takes none. A
 * retried request creates nothing twice.
 */
export async function createOfficialProposal(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.createOfficial'>,
): Promise<Proposal> {
  assertSignedIn(context.actor, 'publish official proposals');
  const actor = context.actor;
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'proposals.proposal.createOfficial', key: context.idempotencyKey },
    async () => {
      await assertMayAnswerIn(deps, context, request.processId, 'publish official proposals');
      const process = await deps.services.request('processes.process.get', { idOrSlug: request.processId }, context);
      if (process.status === 'closed') throw new DomainError('process_closed', 'This process is closed.');
      if (!process.organizerId) {
        throw new DomainError(
          'conflict',
          'This process has no organiser: give it one before publishing official proposals in its name.',
        );
      }
      const placement = {
        themeId: request.themeId ?? null,
        territoryId: request.territoryId ?? null,
        address: request.address ?? null,
        latitude: request.latitude ?? null,
        longitude: request.longitude ?? null,
      };
      const participation = await participationInForce(deps.db, deps.services, process.id, context);
      await assertPlacement(deps.services, context, participation, placement);
      const organizer = await deps.services.request(
        'members.organization.get',
        { idOrSlug: process.organizerId },
        context,
      );
      return { process, organizer, placement };
    },
    async (trx, { process, organizer, placement }) => {
      await rememberAuthor(trx, actor.personId, actor.displayName);
      const now = new Date();
      const id = uuidv7();
      const reference = await nextReference(trx, now.getUTCFullYear());
      await insert(trx, {
        id,
        process_id: process.id,
        reference,
        title: request.title,
        body: request.body,
        locale: request.locale ?? actor.locale,
        author_id: actor.personId,
        theme_id: placement.themeId,
        territory_id: placement.territoryId,
        address: placement.address,
        latitude: placement.latitude,
        longitude: placement.longitude,
        official: true,
        organizer_id: organizer.id,
        organizer_name: organizer.name,
        state: 'published',
        published_at: now,
      });
      const proposal = toProposal((await findById(trx, id))!);
      await announcePublished(trx, actor, proposal);
      return proposal;
    },
  );
}
