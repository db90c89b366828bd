import { DomainError, type ParsedRequestOf, type StakeholderReceipt } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { treeOf } from '../framework/framework.repository';
import { openCampaign } from './read-questionnaire';
import { sourceKeyOf } from './source-key';
import { assertOpen, assertWithinLimits, checkedAnswers, questionsOf } from './stakeholder.policy';
import {
  campaignStatusForShare,
  insertResponse,
  lockSource,
  recentResponsesOf,
  subjectOf,
} from './stakeholder.repository';

/**
 * A stakeholder's response about one subject of an open campaign. Who answers is never asked nor
 * kept, even when signed in: only a keyed hash of where the response came from, to count it
 * against the limits. The count runs under a lock on that hash, so a flood sent in parallel is
 * refused past the limit just as one sent in a row; a refusal stores nothing.
 */
export async function respond(
  db: Kysely<EvaluationsDatabase>,
  secret: string,
  request: ParsedRequestOf<'evaluations.stakeholder.respond'>,
): Promise<StakeholderReceipt> {
  const campaign = await openCampaign(db, request.campaignId, 'takes stakeholders’ responses');
  const subject = await subjectOf(db, campaign.id, request.subjectId);
  if (!subject) {
    throw new DomainError('validation_failed', 'The response is invalid.', undefined, [
      { path: 'subjectId', message: 'Not a subject of this campaign.' },
    ]);
  }
  const answers = checkedAnswers(
    questionsOf(await treeOf(db, campaign.framework_id), campaign.stakeholder_criteria),
    request.answers,
  );
  const sourceKey = sourceKeyOf(secret, campaign.id, request.source);
  const receivedAt = await db.transaction().execute(async (trx) => {
    await lockSource(trx, sourceKey);
    // The campaign may have moved on while the answers were checked.
    assertOpen((await campaignStatusForShare(trx, campaign.id))!, 'takes stakeholders’ responses');
    assertWithinLimits(await recentResponsesOf(trx, campaign.id, sourceKey), subject.id);
    return insertResponse(trx, {
      campaignId: campaign.id,
      subjectId: subject.id,
      relation: request.relation,
      comment: request.comment || null,
      sourceKey,
      answers,
    });
  });
  return {
    campaignId: campaign.id,
    subjectId: subject.id,
    answersCount: answers.length,
    receivedAt: receivedAt.toISOString(),
  };
}
