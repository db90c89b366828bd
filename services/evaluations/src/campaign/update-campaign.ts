import type { Campaign, FieldError, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { assertNoFieldErrors } from '../framework/framework.policy';
import { campaignToRun, type CampaignRow } from './campaign-access';
import { assertNotClosed, assertSettingUp, periodErrors, stakeholderCriteriaErrors } from './campaign.policy';
import { campaignNow, lockCampaign, updateCampaignRow } from './campaign.repository';
import type { CampaignDeps } from './create-campaign';

type Request = ParsedRequestOf<'evaluations.campaign.update'>;

/** The criteria of a version, and those of them with a level scale or a yes/no indicator. */
async function criteriaOf(db: Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>, frameworkId: string) {
  const rows = await db
    .selectFrom('criteria as c')
    .leftJoin('indicators as i', (join) =>
      join.onRef('i.criterion_id', '=', 'c.id').on('i.kind', 'in', ['level_scale', 'yes_no']),
    )
    .select(['c.id as criterion_id', 'i.id as indicator_id'])
    .where('c.framework_id', '=', frameworkId)
    .execute();
  return {
    known: new Set(rows.map((row) => row.criterion_id)),
    askable: new Set(rows.filter((row) => row.indicator_id !== null).map((row) => row.criterion_id)),
  };
}

/** Checks a change against the campaign as it is: its state, its period, its version's criteria. */
async function checkChange(
  db: Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>,
  campaign: CampaignRow,
  request: Request,
) {
  assertNotClosed(campaign.status);
  if (request.startsOn !== undefined || request.endsOn !== undefined) {
    assertSettingUp(campaign.status, 'its period changes');
  }
  if (request.stakeholderCriteria !== undefined) {
    assertSettingUp(campaign.status, 'the stakeholders’ criteria change');
  }
  const errors: FieldError[] = [
    ...periodErrors(request.startsOn ?? campaign.starts_on, request.endsOn ?? campaign.ends_on),
  ];
  if (request.stakeholderCriteria !== undefined) {
    const { known, askable } = await criteriaOf(db, campaign.framework_id);
    errors.push(...stakeholderCriteriaErrors(request.stakeholderCriteria, known, askable));
  }
  assertNoFieldErrors(errors, 'campaign');
}

/**
 * Its coordinators retitle and describe a campaign until it closes; its period and the criteria
 * asked of stakeholders change only while it is draft or open.
 */
export async function updateCampaign(deps: CampaignDeps, context: CallContext, request: Request): Promise<Campaign> {
  const { campaign } = await campaignToRun(deps.db, context.actor, request.id, 'change a campaign');
  await checkChange(deps.db, campaign, request);
  return deps.db.transaction().execute(async (trx) => {
    // Moved on meanwhile: the rules are read again on the locked row.
    const current = (await lockCampaign(trx, campaign.id))!;
    await checkChange(trx, current, request);
    await updateCampaignRow(trx, current.id, {
      ...(request.title !== undefined ? { title: JSON.stringify(request.title) } : {}),
      ...(request.description !== undefined
        ? { description: request.description ? JSON.stringify(request.description) : null }
        : {}),
      ...(request.startsOn !== undefined ? { starts_on: request.startsOn } : {}),
      ...(request.endsOn !== undefined ? { ends_on: request.endsOn } : {}),
      ...(request.stakeholderCriteria !== undefined ? { stakeholder_criteria: request.stakeholderCriteria } : {}),
    });
    return campaignNow(trx, current.id, context.actor!.personId);
  });
}
