import { assertAllowed, DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { participationInForce } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { assertPlacement } from './proposal-placement';
import { hasSupports, lockById, updateById } from './proposal-lifecycle.repository';
import { assertMayEdit } from './proposal.policy';
import { findById, toProposal } from './proposal.repository';

export interface UpdateProposalDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * Its author edits a draft at any time, a published proposal within the edit window while nobody
 * supports it and it has no answer, and only while the process takes proposals (the phase that
 * opened them still active, the process not closed): `processes` is asked before the transaction.
 */
export async function updateProposal(
  deps: UpdateProposalDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.update'>,
): Promise<Proposal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to edit a proposal.');
  const before = await findById(deps.db, request.id);
  if (!before) throw new DomainError('not_found', 'No such proposal.');
  if (before.state === 'published') {
    assertAllowed(
      await deps.services.request(
        'processes.permission.check',
        { processId: before.process_id, action: 'create_proposal' },
        context,
      ),
    );
  }
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockById(trx, request.id);
    if (!current) throw new DomainError('not_found', 'No such proposal.');
    const participation = await participationInForce(trx, deps.services, current.process_id, context);
    assertMayEdit(
      actor,
      {
        authorId: current.author_id,
        state: current.state,
        publishedAt: current.published_at,
        answered: current.answer_state !== null,
      },
      {
        editWindowMinutes: participation.settings.editWindowMinutes,
        supported: current.state === 'published' && (await hasSupports(trx, current)),
        now: new Date(),
      },
    );
    const place = {
      address: request.address !== undefined ? request.address : current.address,
      latitude: request.latitude !== undefined ? request.latitude : current.latitude,
      longitude: request.longitude !== undefined ? request.longitude : current.longitude,
    };
    await assertPlacement(deps.services, context, participation, {
      ...place,
      themeId: request.themeId,
      territoryId: request.territoryId,
    });
    await updateById(trx, current.id, {
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(request.locale !== undefined ? { locale: request.locale } : {}),
      ...(request.themeId !== undefined ? { theme_id: request.themeId } : {}),
      ...(request.territoryId !== undefined ? { territory_id: request.territoryId } : {}),
      ...place,
    });
    const updated = toProposal((await findById(trx, current.id))!);
    if (updated.state === 'published') {
      await addToOutbox(
        trx,
        domainEvent(
          'proposals.proposal.updated',
          {
            proposalId: updated.id,
            processId: updated.processId,
            authorId: updated.authorId,
            reference: updated.reference!,
            title: updated.title,
          },
          actor,
        ),
      );
    }
    return updated;
  });
}
