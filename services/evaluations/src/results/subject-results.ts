import type { Narrative, ParsedRequestOf, SubjectResults } from '@convergences/contracts';
import { DomainError } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { findCampaign, subjectFor, type CampaignRow, type SubjectRow } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { treeOf } from '../framework/framework.repository';
import { answersOf, followedActionsOf, narrativesOf, stakeholderCommentsOf, submittedOf } from './results.repository';
import { divergence, rounded } from './score';
import { noAnswers, tallySubject, type Scores } from './tally';

export interface ResultsDeps {
  db: Kysely<EvaluationsDatabase>;
}

const roundedScores = (s: Scores) => ({
  self: rounded(s.self),
  peer: rounded(s.peer),
  stakeholder: rounded(s.stakeholder),
  committee: rounded(s.committee),
});

/**
 * One subject's results, regards croisés: each criterion from its own eyes, its peers', its
 * stakeholders' and the committee's, with the stories told and the gap between self and peers;
 * where it stood in the previous campaign of the lineage, and what became of the actions it
 * planned then. For whoever may read the subject (others: 404, as for its assessments).
 */
export async function subjectResults(
  deps: ResultsDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.results.subject'>,
): Promise<SubjectResults> {
  const { db } = deps;
  const { subject, campaign } = await subjectFor(db, context.actor, request.subjectId);
  if (subject.campaign_id !== request.campaignId) throw new DomainError('not_found', 'No such subject.');

  const [tree, answers, narratives, submitted, comments, previous, actions] = await Promise.all([
    treeOf(db, campaign.framework_id),
    answersOf(db, campaign.id, subject.id),
    narrativesOf(db, subject.id),
    submittedOf(db, subject.id),
    stakeholderCommentsOf(db, subject.id),
    previousScoresOf(deps, campaign, subject),
    followedActionsOf(db, campaign, subject.organization_id),
  ]);
  const told = answers.get(subject.id) ?? noAnswers();
  const tally = tallySubject(tree, told);
  const narrativesOfCriterion = (criterionId: string): Narrative[] =>
    narratives
      .filter((n) => n.criterionId === criterionId && (n.narrative || n.evidence.length))
      .map((n) => ({
        perspective: n.kind,
        authorName: n.authorName,
        text: n.narrative ?? '',
        evidence: n.evidence.map(({ label, url }) => ({ label, url })),
      }));

  return {
    campaignId: campaign.id,
    subjectId: subject.id,
    organizationId: subject.organization_id,
    name: subject.name,
    counts: {
      self: submitted.self,
      peer: submitted.peer,
      stakeholder: told.stakeholders.length,
      committee: submitted.committee,
    },
    dimensions: tree.map((d) => ({
      dimensionId: d.id,
      stableId: d.stableId,
      title: d.title,
      scores: roundedScores(tally.dimensions.get(d.id)!),
    })),
    criteria: [...tally.criteria.values()].map(({ criterion, scores, indicators }) => ({
      criterionId: criterion.id,
      stableId: criterion.stableId,
      dimensionId: criterion.dimensionId,
      title: criterion.title,
      scores: roundedScores(scores),
      divergence: divergence(scores.self, scores.peer),
      indicators: indicators.map((i) => ({
        indicatorId: i.indicator.id,
        stableId: i.indicator.stableId,
        title: i.indicator.title,
        kind: i.indicator.kind,
        self: { value: i.self.value, score: rounded(i.self.score) },
        peer: { ...i.peer, score: rounded(i.peer.score) },
        stakeholder: { ...i.stakeholder, score: rounded(i.stakeholder.score) },
        committee: { value: i.committee.value, score: rounded(i.committee.score) },
      })),
      narratives: narrativesOfCriterion(criterion.id),
    })),
    recommendations: submitted.recommendations,
    previous,
    actions: actions.map((a) => ({
      id: a.id,
      criterionStableId: a.criterion_stable_id,
      title: a.title,
      owner: a.owner,
      dueOn: a.due_on,
      status: a.status,
      campaignId: a.campaign_id,
    })),
    stakeholderComments: comments,
  };
}

/** The same organisation's criterion scores in the previous campaign of the lineage, by stable id. */
async function previousScoresOf(
  deps: ResultsDeps,
  campaign: CampaignRow,
  subject: SubjectRow,
): Promise<SubjectResults['previous']> {
  if (!campaign.previous_campaign_id) return null;
  const previous = await findCampaign(deps.db, campaign.previous_campaign_id);
  if (!previous) return null;
  const then = await deps.db
    .selectFrom('campaign_subjects')
    .select('id')
    .where('campaign_id', '=', previous.id)
    .where('organization_id', '=', subject.organization_id)
    .executeTakeFirst();
  if (!then) return null;
  const [tree, answers] = await Promise.all([
    treeOf(deps.db, previous.framework_id),
    answersOf(deps.db, previous.id, then.id),
  ]);
  const tally = tallySubject(tree, answers.get(then.id) ?? noAnswers());
  return {
    campaignId: previous.id,
    scores: [...tally.criteria.values()].map(({ criterion, scores }) => ({
      stableId: criterion.stableId,
      self: rounded(scores.self),
      peer: rounded(scores.peer),
    })),
  };
}
