import { DomainError, type ParsedRequestOf, type StakeholderQuestionnaire } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import { findCampaign, type CampaignRow } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { treeOf } from '../framework/framework.repository';
import { assertOpen, questionsOf } from './stakeholder.policy';
import { subjectOf, subjectsOf } from './stakeholder.repository';

type Db = Kysely<EvaluationsDatabase>;

/**
 * A campaign stakeholders may answer: it exists and is not a draft (a draft does not exist for
 * the public, whoever asks: this questionnaire never looks at who asks), and it is open.
 */
export async function openCampaign(db: Db, campaignId: string, doing: string): Promise<CampaignRow> {
  const campaign = await findCampaign(db, campaignId);
  if (!campaign || campaign.status === 'draft') throw new DomainError('not_found', 'No such campaign.');
  assertOpen(campaign.status, doing);
  return campaign;
}

/**
 * The public questionnaire of an open campaign: its subjects to choose from; with a subject, its
 * name and the questions on the criteria the coordinators chose.
 */
export async function readQuestionnaire(
  db: Db,
  request: ParsedRequestOf<'evaluations.stakeholder.questionnaire'>,
): Promise<StakeholderQuestionnaire> {
  const campaign = await openCampaign(db, request.campaignId, 'hears its stakeholders');
  const subject = request.subjectId ? await subjectOf(db, campaign.id, request.subjectId) : null;
  if (request.subjectId && !subject) throw new DomainError('not_found', 'No such subject in this campaign.');
  const [subjects, tree] = await Promise.all([
    subjectsOf(db, campaign.id),
    subject ? treeOf(db, campaign.framework_id) : Promise.resolve([]),
  ]);
  return {
    campaignId: campaign.id,
    title: campaign.title,
    description: campaign.description,
    endsOn: campaign.ends_on,
    subjects,
    subject: subject ?? null,
    criteria: subject ? questionsOf(tree, campaign.stakeholder_criteria) : [],
  };
}
