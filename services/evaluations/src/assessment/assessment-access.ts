import { DomainError, type Actor } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import { findAssessment, type AssessmentRowWithAuthor } from '../answers/assessment-view';
import { subjectFor, type CampaignRow, type SubjectAccess, type SubjectRow } from '../campaign/campaign-access';
import type { EvaluationsDatabase } from '../db/schema';
import { assertMayWrite } from './assessment.policy';

type CampaignKind = 'self' | 'peer' | 'committee';

/**
 * A campaign's assessment its writer means to change: 404 unless its subject is read by the
 * caller, 403 unless they write it (a subject's member, its own peer, the committee).
 * Valuations are not found here: they have their own messages.
 */
export async function assessmentToWrite(
  db: Kysely<EvaluationsDatabase>,
  actor: Actor,
  id: string,
): Promise<{
  assessment: AssessmentRowWithAuthor & { kind: CampaignKind; subject_id: string };
  subject: SubjectRow;
  campaign: CampaignRow;
  access: SubjectAccess;
}> {
  const row = await findAssessment(db, id);
  if (!row || row.kind === 'valuation' || !row.subject_id) throw new DomainError('not_found', 'No such assessment.');
  const found = await subjectFor(db, actor, row.subject_id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('not_found', 'No such assessment.');
    }
    throw error;
  });
  const kind = row.kind;
  assertMayWrite(kind, found.access, row.author_id);
  return { ...found, assessment: { ...row, kind, subject_id: row.subject_id } };
}
