import type { Actor, CampaignResults, Dimension, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { campaignFor, findCampaign, type CampaignRow, type SubjectRow } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { treeOf } from '../framework/framework.repository';
import { campaignResultsRefusal, labelSubjects, type ResultsReader } from './results.policy';
import { answersOf, subjectsOf } from './results.repository';
import { fifths, median, present, rounded } from './score';
import type { ResultsDeps } from './subject-results';
import { noAnswers, tallySubject, type SubjectTally } from './tally';

type Db = Kysely<EvaluationsDatabase>;

/** A campaign's subjects, each with its tally, over the campaign's tree. */
export interface CampaignTally {
  tree: Dimension[];
  subjects: { subject: SubjectRow; tally: SubjectTally }[];
}

export async function tallyCampaign(
  db: Db,
  campaign: Pick<CampaignRow, 'id' | 'framework_id'>,
): Promise<CampaignTally> {
  const [tree, subjects, answers] = await Promise.all([
    treeOf(db, campaign.framework_id),
    subjectsOf(db, campaign.id),
    answersOf(db, campaign.id),
  ]);
  return {
    tree,
    subjects: subjects.map((subject) => ({
      subject,
      tally: tallySubject(tree, answers.get(subject.id) ?? noAnswers()),
    })),
  };
}

/** The heat map's figure for a subject and criterion: its peers' score when there is one, else its own. */
const shownScore = (tally: SubjectTally, criterionId: string): number | null => {
  const scores = tally.criteria.get(criterionId)!.scores;
  return rounded(scores.peer ?? scores.self);
};

/** Per criterion stable id: the median across subjects of peers' scores, else of their own. */
export function mediansByStableId(campaign: CampaignTally): Map<string, number | null> {
  const medians = new Map<string, number | null>();
  for (const criterion of campaign.tree.flatMap((d) => d.criteria)) {
    const scoresOf = (perspective: 'self' | 'peer') =>
      present(campaign.subjects.map((s) => s.tally.criteria.get(criterion.id)!.scores[perspective]));
    const peers = scoresOf('peer');
    medians.set(criterion.stableId, rounded(median(peers.length ? peers : scoresOf('self'))));
  }
  return medians;
}

async function readerOf(db: Db, campaignId: string, access: Omit<ResultsReader, 'ownSubjects'>) {
  const actor: Actor | null = access.actor;
  if (!actor) return { ...access, ownSubjects: new Set<string>() };
  const rows = await db
    .selectFrom('campaign_subjects as s')
    .select('s.id')
    .where('s.campaign_id', '=', campaignId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('organization_members as m')
            .select('m.person_id')
            .whereRef('m.organization_id', '=', 's.organization_id')
            .where('m.person_id', '=', actor.personId),
        ),
        eb.exists(
          eb
            .selectFrom('peer_assignments as p')
            .select('p.person_id')
            .whereRef('p.subject_id', '=', 's.id')
            .where('p.person_id', '=', actor.personId),
        ),
      ]),
    )
    .execute();
  return { ...access, ownSubjects: new Set(rows.map((r) => r.id)) };
}

/**
 * A campaign's results across its subjects: per criterion and perspective how many subjects have
 * a score, their median and distribution in fifths, the previous campaign's median of the same
 * criterion; and the heat map, one row per subject, anonymised for readers who do not oversee
 * the campaign (see results.policy).
 */
export async function campaignResults(
  deps: ResultsDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.results.campaign'>,
): Promise<CampaignResults> {
  const { db } = deps;
  const { campaign, access } = await campaignFor(db, context.actor, request.campaignId);
  const reader = await readerOf(db, campaign.id, access);
  const refusal = campaignResultsRefusal(reader, campaign.status);
  if (refusal) throw refusal;

  const [tally, previous] = await Promise.all([tallyCampaign(db, campaign), previousOf(db, campaign)]);
  const previousMedians = previous ? mediansByStableId(await tallyCampaign(db, previous)) : new Map();
  const criteria = tally.tree.flatMap((d) => d.criteria);
  const rows = labelSubjects(
    tally.subjects.map(({ subject, tally: t }) => ({
      id: subject.id,
      name: subject.name,
      shownInResults: subject.shown_in_results,
      scores: criteria.map((c) => shownScore(t, c.id)),
    })),
    reader,
  );

  return {
    campaignId: campaign.id,
    subjectsCount: tally.subjects.length,
    subjects: rows.map((row) => ({
      subjectId: row.subjectId,
      label: row.label,
      scores: Object.fromEntries(criteria.map((c, i) => [c.id, row.source.scores[i]])),
    })),
    criteria: criteria.map((criterion) => {
      const across = (perspective: 'self' | 'peer' | 'stakeholder') => {
        const scores = present(tally.subjects.map((s) => s.tally.criteria.get(criterion.id)!.scores[perspective]));
        return { count: scores.length, median: rounded(median(scores)), distribution: fifths(scores) };
      };
      return {
        criterionId: criterion.id,
        stableId: criterion.stableId,
        dimensionId: criterion.dimensionId,
        title: criterion.title,
        self: across('self'),
        peer: across('peer'),
        stakeholder: across('stakeholder'),
        previousMedian: previousMedians.get(criterion.stableId) ?? null,
      };
    }),
    previousCampaignId: previous?.id ?? null,
  };
}

async function previousOf(db: Db, campaign: CampaignRow): Promise<CampaignRow | null> {
  return campaign.previous_campaign_id ? ((await findCampaign(db, campaign.previous_campaign_id)) ?? null) : null;
}
