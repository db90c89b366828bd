import { DomainError, type Criterion, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { FrameworkDeps } from '../framework/create-framework';
import { assertMayBecomeCriterion } from '../framework/framework.policy';
import { factsOf } from '../framework/framework.repository';
import { criterionNow } from './edit-criteria';
import { editDraft } from './edit-draft';
import { criteriaLevel, dimensionIn, nextPosition, parentIn } from './tree.repository';

/** The proposal as the caller may see it (`proposals.proposal.get`); one they may not see is a field error. */
async function proposalFor(services: ServiceClient, context: CallContext, proposalId: string): Promise<Proposal> {
  try {
    return await services.request('proposals.proposal.get', { id: proposalId }, context);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('validation_failed', 'The request is invalid.', undefined, [
        { path: 'proposalId', message: 'No such proposal.' },
      ]);
    }
    throw error;
  }
}

/**
 * Co-construction: its editors adopt a participant's proposal, made in the process the draft is
 * co-built in, as a criterion of one of its dimensions. The criterion keeps the link (the
 * proposal's id and reference) and starts with the proposal's title (in French, and in English
 * too when the proposal was written in English) unless one is given. `proposals` is asked before
 * the transaction; a proposal becomes at most one criterion of a version.
 */
export async function adoptProposalAsCriterion(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.criterion.adoptProposal'>,
): Promise<Criterion> {
  return editDraft<Proposal, Criterion>(
    deps,
    context,
    request.frameworkId,
    'adopt a proposal as a criterion',
    async (trx, framework, proposal) => {
      // Detached from its process meanwhile: read again on the locked row.
      assertMayBecomeCriterion(factsOf(framework), proposal);
      const dimension = await parentIn(() => dimensionIn(trx, framework.id, request.dimensionId), 'dimensionId');
      const already = await trx
        .selectFrom('criteria')
        .select('id')
        .where('framework_id', '=', framework.id)
        .where('proposal_id', '=', proposal.id)
        .executeTakeFirst();
      if (already) {
        throw new DomainError('conflict', 'This proposal is already a criterion of this framework.', {
          criterionId: already.id,
        });
      }
      const title =
        request.title ??
        (proposal.locale === 'en' ? { fr: proposal.title, en: proposal.title } : { fr: proposal.title });
      const id = uuidv7();
      await trx
        .insertInto('criteria')
        .values({
          id,
          framework_id: framework.id,
          dimension_id: dimension.id,
          stable_id: uuidv7(),
          position: await nextPosition(trx, criteriaLevel, dimension.id),
          title: JSON.stringify(title),
          description: request.description ? JSON.stringify(request.description) : null,
          narrative_required: request.narrativeRequired,
          evidence_allowed: request.evidenceAllowed,
          proposal_id: proposal.id,
          proposal_reference: proposal.reference,
        })
        .execute();
      return criterionNow(trx, framework.id, id);
    },
    async (framework) => {
      const proposal = await proposalFor(deps.services, context, request.proposalId);
      assertMayBecomeCriterion(framework, proposal);
      return proposal;
    },
  );
}
