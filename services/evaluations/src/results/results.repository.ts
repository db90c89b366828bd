import type { Kysely } from 'kysely';
import type { EvidenceItem } from '../campaign/campaign.tables';
import type { SubjectRow } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { noAnswers, type SubjectAnswers } from './tally';

type Db = Kysely<EvaluationsDatabase>;

/** A campaign's subjects, in the order they were added. */
export function subjectsOf(db: Db, campaignId: string): Promise<SubjectRow[]> {
  return db
    .selectFrom('campaign_subjects')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

/**
 * What a campaign's subjects (or one of them) were told: submitted self, peer and committee
 * assessments (drafts never count) and every stakeholder response, by subject id.
 */
export async function answersOf(db: Db, campaignId: string, subjectId?: string): Promise<Map<string, SubjectAnswers>> {
  let assessments = db
    .selectFrom('assessments as a')
    .leftJoin('indicator_answers as ia', 'ia.assessment_id', 'a.id')
    .select(['a.id', 'a.kind', 'a.subject_id', 'ia.indicator_id', 'ia.value'])
    .where('a.campaign_id', '=', campaignId)
    .where('a.status', '=', 'submitted')
    .where('a.kind', 'in', ['self', 'peer', 'committee'])
    .orderBy('a.submitted_at')
    .orderBy('a.id');
  let responses = db
    .selectFrom('stakeholder_responses as r')
    .leftJoin('stakeholder_answers as sa', 'sa.response_id', 'r.id')
    .select(['r.id', 'r.subject_id', 'sa.indicator_id', 'sa.value'])
    .where('r.campaign_id', '=', campaignId)
    .orderBy('r.submitted_at')
    .orderBy('r.id');
  if (subjectId) {
    assessments = assessments.where('a.subject_id', '=', subjectId);
    responses = responses.where('r.subject_id', '=', subjectId);
  }
  const [assessmentRows, responseRows] = await Promise.all([assessments.execute(), responses.execute()]);

  const bySubject = new Map<string, SubjectAnswers>();
  const of = (id: string) => {
    let answers = bySubject.get(id);
    if (!answers) bySubject.set(id, (answers = noAnswers()));
    return answers;
  };
  const sets = new Map<string, Map<string, number>>();
  /** The answers of one assessment or response, made (and placed) at its first row. */
  const setOf = (id: string, place: (set: Map<string, number>) => void) => {
    let set = sets.get(id);
    if (!set) {
      sets.set(id, (set = new Map()));
      place(set);
    }
    return set;
  };
  for (const row of assessmentRows) {
    const answers = of(row.subject_id!);
    const set = setOf(row.id, (s) => {
      if (row.kind === 'self') answers.self = s;
      else if (row.kind === 'committee') answers.committee = s;
      else answers.peers.push(s);
    });
    if (row.indicator_id !== null && row.value !== null) set.set(row.indicator_id, row.value);
  }
  for (const row of responseRows) {
    const set = setOf(row.id, (s) => of(row.subject_id).stakeholders.push(s));
    if (row.indicator_id !== null && row.value !== null) set.set(row.indicator_id, row.value);
  }
  return bySubject;
}

export interface NarrativeRow {
  kind: 'self' | 'peer' | 'committee';
  authorName: string | null;
  criterionId: string;
  narrative: string | null;
  evidence: EvidenceItem[];
}

/**
 * The stories told of a subject in its submitted assessments: self first, then each peer (by
 * when they submitted), then the committee. A peer is named as the `authors` table knows them.
 */
export async function narrativesOf(db: Db, subjectId: string): Promise<NarrativeRow[]> {
  const rows = await db
    .selectFrom('criterion_answers as ca')
    .innerJoin('assessments as a', 'a.id', 'ca.assessment_id')
    .leftJoin('authors as au', 'au.person_id', 'a.author_id')
    .select(['a.kind', 'au.display_name', 'ca.criterion_id', 'ca.narrative', 'ca.evidence', 'a.submitted_at', 'a.id'])
    .where('a.subject_id', '=', subjectId)
    .where('a.status', '=', 'submitted')
    .where('a.kind', 'in', ['self', 'peer', 'committee'])
    .execute();
  const rank = { self: 0, peer: 1, committee: 2, valuation: 3 } as const;
  return rows
    .sort(
      (a, b) =>
        rank[a.kind] - rank[b.kind] ||
        a.submitted_at!.getTime() - b.submitted_at!.getTime() ||
        a.id.localeCompare(b.id),
    )
    .map((row) => ({
      kind: row.kind as NarrativeRow['kind'],
      authorName: row.kind === 'peer' ? row.display_name : null,
      criterionId: row.criterion_id,
      narrative: row.narrative,
      evidence: row.evidence,
    }));
}

/** Counts and words of a subject's submitted assessments: how many of each, the committee's recommendations. */
export async function submittedOf(db: Db, subjectId: string) {
  const rows = await db
    .selectFrom('assessments')
    .select(['kind', 'recommendations'])
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'submitted')
    .execute();
  return {
    self: rows.filter((r) => r.kind === 'self').length,
    peer: rows.filter((r) => r.kind === 'peer').length,
    committee: rows.filter((r) => r.kind === 'committee').length,
    recommendations: rows.find((r) => r.kind === 'committee')?.recommendations ?? null,
  };
}

/** What stakeholders wrote of a subject, oldest first (text only). */
export async function stakeholderCommentsOf(db: Db, subjectId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stakeholder_responses')
    .select('comment')
    .where('subject_id', '=', subjectId)
    .where('comment', 'is not', null)
    .where('comment', '<>', '')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.comment!);
}

/**
 * The progress actions an organisation recorded on a lineage in campaigns before this one
 * (created earlier), with their status now, by due date.
 */
export function followedActionsOf(
  db: Db,
  campaign: { id: string; lineage_id: string; created_at: Date },
  organizationId: string,
) {
  return db
    .selectFrom('progress_actions as pa')
    .innerJoin('campaigns as c', 'c.id', 'pa.campaign_id')
    .select(['pa.id', 'pa.criterion_stable_id', 'pa.title', 'pa.owner', 'pa.due_on', 'pa.status', 'pa.campaign_id'])
    .where('pa.organization_id', '=', organizationId)
    .where('pa.lineage_id', '=', campaign.lineage_id)
    .where('pa.campaign_id', '<>', campaign.id)
    .where('c.created_at', '<=', campaign.created_at)
    .orderBy('pa.due_on')
    .orderBy('pa.id')
    .execute();
}
