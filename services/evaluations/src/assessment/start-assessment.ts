import { DomainError, type ParsedRequestOf, type StartedAssessment } from '@convergences/contracts';
import { rememberAuthor } from '@convergences/read-models';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { assessmentNow } from '../answers/assessment-view';
import { subjectFor } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { assertMayWrite, assertSignedIn, assertWritingWindow } from './assessment.policy';
import { campaignStatusNow } from './assessment.repository';

export interface AssessmentDeps {
  db: Kysely<EvaluationsDatabase>;
}

/**
 * The caller's draft of a kind for one subject: the one there is, or a new one. Self and
 * committee assessments are one per subject, shared by their writers; a peer's is their own.
 * Two writers starting at once end up with the same assessment (the unique indexes decide).
 * An existing one is answered whatever the campaign's state; a new one only in its kind's window.
 */
export async function startAssessment(
  deps: AssessmentDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.assessment.start'>,
): Promise<StartedAssessment> {
  assertSignedIn(context.actor, 'write an assessment');
  const actor = context.actor;
  const { subject, campaign, access } = await subjectFor(deps.db, actor, request.subjectId);
  if (campaign.id !== request.campaignId) throw new DomainError('not_found', 'No such subject in this campaign.');
  assertMayWrite(request.kind, access);
  const authorId = request.kind === 'peer' ? actor.personId : null;
  const existing = () => {
    let query = deps.db
      .selectFrom('assessments')
      .select('id')
      .where('subject_id', '=', subject.id)
      .where('kind', '=', request.kind);
    if (authorId) query = query.where('author_id', '=', authorId);
    return query.executeTakeFirst();
  };
  const found = await existing();
  if (found) return { assessment: await assessmentNow(deps.db, found.id), created: false };
  assertWritingWindow(request.kind, campaign.status);
  const id = uuidv7();
  const inserted = await deps.db.transaction().execute(async (trx) => {
    assertWritingWindow(request.kind, await campaignStatusNow(trx, campaign.id));
    if (authorId) await rememberAuthor(trx, actor.personId, actor.displayName);
    const result = await trx
      .insertInto('assessments')
      .values({
        id,
        kind: request.kind,
        framework_id: campaign.framework_id,
        campaign_id: campaign.id,
        subject_id: subject.id,
        author_id: authorId,
        created_by: actor.personId,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  });
  if (inserted) return { assessment: await assessmentNow(deps.db, id), created: true };
  return { assessment: await assessmentNow(deps.db, (await existing())!.id), created: false };
}
