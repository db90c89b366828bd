import {
  DomainError,
  type Assessment,
  type AssessmentSummary,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assessmentNow, findAssessment, toSummaries } from '../answers/assessment-view';
import { campaignFor, overseesAll, subjectFor } from '../campaign/campaign-access';
import { assertSignedIn } from './assessment.policy';
import { listAssessments } from './assessment.repository';
import type { AssessmentDeps } from './start-assessment';

/**
 * An assessment with its answers, for whoever reads its subject: its members, its assigned
 * peers, the committee, the coordinators and platform admins; for anyone else it does not exist.
 * Valuations are read through their own messages (`evaluations.valuation.get`).
 */
export async function getAssessment(
  deps: AssessmentDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.assessment.get'>,
): Promise<Assessment> {
  assertSignedIn(context.actor, 'read assessments');
  const row = await findAssessment(deps.db, request.id);
  if (!row || !row.subject_id) throw new DomainError('not_found', 'No such assessment.');
  await subjectFor(deps.db, context.actor, row.subject_id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('not_found', 'No such assessment.');
    }
    throw error;
  });
  return assessmentNow(deps.db, row.id);
}

/**
 * A page of a campaign's assessments: all of them for its coordinators, committee and platform
 * admins; those of the subjects they belong to or visit for members and peers; none for others.
 */
export async function listCampaignAssessments(
  deps: AssessmentDeps,
  context: CallContext,
  query: ParsedRequestOf<'evaluations.assessment.list'>,
): Promise<Page<AssessmentSummary>> {
  assertSignedIn(context.actor, 'read assessments');
  const actor = context.actor;
  const { access } = await campaignFor(deps.db, actor, query.campaignId);
  const scope = overseesAll(access) ? { all: true as const } : { all: false as const, personId: actor.personId };
  const { rows, total } = await listAssessments(deps.db, query, scope);
  return {
    data: await toSummaries(deps.db, rows),
    meta: { total, page: query.page, perPage: query.perPage },
  };
}
