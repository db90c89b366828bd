import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

/**
 * What evaluations holds about a person: the frameworks they are named to edit, their roles in
 * campaigns (coordinator, committee), the subjects they are assigned to visit as a peer, the
 * assessments they author (peer visits, valuations) and the name kept to show beside them. A
 * person with none of these has nothing here: the answer is `{}`. (Who created or adopted a
 * version, or added a subject, is the record of those, kept with them.)
 */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<EvaluationsDatabase>) {}

  @Handles('evaluations.privacy.export')
  async export(body: ParsedRequestOf<'evaluations.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const { personId } = body;
    const [editing, roles, visits, assessments, author] = await Promise.all([
      this.db
        .selectFrom('framework_editors')
        .select(['lineage_id', 'added_at'])
        .where('person_id', '=', personId)
        .orderBy('added_at')
        .execute(),
      this.db
        .selectFrom('campaign_people')
        .select(['campaign_id', 'role', 'added_at'])
        .where('person_id', '=', personId)
        .orderBy('added_at')
        .execute(),
      this.db
        .selectFrom('peer_assignments as a')
        .innerJoin('campaign_subjects as s', 's.id', 'a.subject_id')
        .select(['s.campaign_id', 'a.subject_id', 's.organization_id', 'a.assigned_at'])
        .where('a.person_id', '=', personId)
        .orderBy('a.assigned_at')
        .execute(),
      this.db
        .selectFrom('assessments')
        .select(['id', 'kind', 'campaign_id', 'subject_id', 'proposal_id', 'status', 'created_at', 'submitted_at'])
        .where('author_id', '=', personId)
        .orderBy('created_at')
        .execute(),
      this.db.selectFrom('authors').select('display_name').where('person_id', '=', personId).executeTakeFirst(),
    ]);
    const data: Record<string, unknown> = {};
    if (editing.length > 0) {
      data.frameworkEditor = editing.map((row) => ({ lineageId: row.lineage_id, addedAt: row.added_at.toISOString() }));
    }
    if (roles.length > 0) {
      data.campaignRoles = roles.map((row) => ({
        campaignId: row.campaign_id,
        role: row.role,
        addedAt: row.added_at.toISOString(),
      }));
    }
    if (visits.length > 0) {
      data.peerAssignments = visits.map((row) => ({
        campaignId: row.campaign_id,
        subjectId: row.subject_id,
        organizationId: row.organization_id,
        assignedAt: row.assigned_at.toISOString(),
      }));
    }
    if (assessments.length > 0) {
      data.assessments = assessments.map((row) => ({
        id: row.id,
        kind: row.kind,
        campaignId: row.campaign_id,
        subjectId: row.subject_id,
        proposalId: row.proposal_id,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        submittedAt: row.submitted_at?.toISOString() ?? null,
      }));
    }
    // The name is told only beside something of theirs here: alone, it is members' to tell.
    if (Object.keys(data).length > 0 && author) data.name = author.display_name;
    return { service: 'evaluations', data };
  }
}
