import type { AssessmentListQuery } from '@convergences/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import { assessmentsWithAuthors, type AssessmentRowWithAuthor } from '../answers/assessment-view';
import type { CampaignStatus } from '../campaign/campaign.tables';
import type { EvaluationsDatabase } from '../db/schema';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;

/**
 * A campaign's state inside a write, its row shared-locked: a transition (which updates it) waits
 * for the write to end, or the write for the transition, so none lands out of its window.
 */
export async function campaignStatusNow(
  trx: Transaction<EvaluationsDatabase>,
  campaignId: string,
): Promise<CampaignStatus> {
  const row = await trx
    .selectFrom('campaigns')
    .select('status')
    .where('id', '=', campaignId)
    .forShare()
    .executeTakeFirstOrThrow();
  return row.status;
}

/** Whose assessments a list shows: all of the campaign's, or only those of subjects the person reads. */
export type ListScope = { all: true } | { all: false; personId: string };

/** A page of a campaign's assessments within the scope, and how many there are in all. */
export async function listAssessments(
  db: Db,
  query: AssessmentListQuery,
  scope: ListScope,
): Promise<{ rows: AssessmentRowWithAuthor[]; total: number }> {
  let filtered = assessmentsWithAuthors(db)
    .innerJoin('campaign_subjects as s', 's.id', 'assessments.subject_id')
    .where('assessments.campaign_id', '=', query.campaignId);
  if (query.subjectId) filtered = filtered.where('assessments.subject_id', '=', query.subjectId);
  if (query.kind) filtered = filtered.where('assessments.kind', '=', query.kind);
  if (query.status) filtered = filtered.where('assessments.status', '=', query.status);
  if (!scope.all) {
    const personId = scope.personId;
    filtered = filtered.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('organization_members as m')
            .select('m.person_id')
            .whereRef('m.organization_id', '=', 's.organization_id')
            .where('m.person_id', '=', personId),
        ),
        eb.exists(
          eb
            .selectFrom('peer_assignments as p')
            .select('p.person_id')
            .whereRef('p.subject_id', '=', 's.id')
            .where('p.person_id', '=', personId),
        ),
      ]),
    );
  }
  const ordered =
    query.sort === 'recent'
      ? filtered.orderBy('assessments.updated_at', 'desc').orderBy('assessments.id', 'desc')
      : filtered
          .orderBy('s.name')
          .orderBy('s.id')
          .orderBy(sql`array_position(array['self', 'peer', 'committee'], assessments.kind)`)
          .orderBy('assessments.created_at')
          .orderBy('assessments.id');
  const [rows, count] = await Promise.all([
    ordered
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage)
      .execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
