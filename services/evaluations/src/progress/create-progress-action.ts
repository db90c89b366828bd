import { DomainError, type ParsedRequestOf, type ProgressAction } from '@convergences/contracts';
import { idempotent } from '@convergences/database';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { campaignFor, coordinates, mayReadSubject, subjectRolesOf } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { assertAfterReview, assertMayWrite, assertSignedIn } from './progress.policy';
import { actionView, insertAction } from './progress.repository';

const doing = 'record progress actions';

/**
 * A subject's members or its campaign's coordinators record an improvement action on a criterion,
 * once the campaign is in review or closed. The action keeps the criterion's stable id, so the
 * next campaign on the lineage finds it whatever version it uses. Checks run in this order: signed
 * in, the campaign and subject exist for the caller, member or coordinator, state, criterion.
 */
export async function createProgressAction(
  db: Kysely<EvaluationsDatabase>,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.progressAction.create'>,
): Promise<ProgressAction> {
  assertSignedIn(context.actor, doing);
  const actor = context.actor;
  const { campaign } = await campaignFor(db, actor, request.campaignId);
  const subject = await db
    .selectFrom('campaign_subjects')
    .selectAll()
    .where('id', '=', request.subjectId)
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirst();
  const access = subject ? await subjectRolesOf(db, subject, actor) : undefined;
  if (!subject || !access || !mayReadSubject(access)) {
    throw new DomainError('not_found', 'No such subject in this campaign.');
  }
  assertMayWrite(
    { actor, isAdmin: access.isAdmin, isMember: access.isMember, isCoordinator: coordinates(access), mayRead: true },
    doing,
  );
  assertAfterReview(campaign.status);
  const criterion = await db
    .selectFrom('criteria')
    .select('stable_id')
    .where('id', '=', request.criterionId)
    .where('framework_id', '=', campaign.framework_id)
    .executeTakeFirst();
  if (!criterion) {
    throw new DomainError('validation_failed', 'The progress action is invalid.', undefined, [
      { path: 'criterionId', message: 'Not a criterion of the framework version this campaign uses.' },
    ]);
  }
  return db.transaction().execute((trx) =>
    idempotent(
      trx,
      { personId: actor.personId, operation: 'evaluations.progressAction.create', key: context.idempotencyKey },
      async () => {
        const id = uuidv7();
        await insertAction(trx, {
          id,
          organization_id: subject.organization_id,
          lineage_id: campaign.lineage_id,
          campaign_id: campaign.id,
          criterion_stable_id: criterion.stable_id,
          title: request.title,
          description: request.description ?? null,
          owner: request.owner,
          due_on: request.dueOn,
          created_by: actor.personId,
        });
        return (await actionView(trx, { everything: true, id }))!;
      },
    ),
  );
}
