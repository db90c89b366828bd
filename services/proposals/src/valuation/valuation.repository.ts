import { fetchPage } from '@convergences/database';
import type { MyValuationsQuery, ValuationNote, ValuatorAssignment } from '@convergences/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { ProposalsDatabase, ValuatorAssignmentsTable } from '../db/schema';
import type { ProposalRow } from '../proposal/proposal.repository';

type Db = Kysely<ProposalsDatabase>;

export async function isAssigned(db: Db, proposalId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('valuator_assignments')
    .select('person_id')
    .where('proposal_id', '=', proposalId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return !!row;
}

/** Puts a valuator in charge of a proposal; an existing assignment stays as it was. */
export async function assign(
  db: Db,
  assignment: { proposalId: string; processId: string; personId: string; assignedBy: string },
): Promise<Selectable<ValuatorAssignmentsTable>> {
  await db
    .insertInto('valuator_assignments')
    .values({
      proposal_id: assignment.proposalId,
      process_id: assignment.processId,
      person_id: assignment.personId,
      assigned_by: assignment.assignedBy,
    })
    .onConflict((oc) => oc.columns(['proposal_id', 'person_id']).doNothing())
    .execute();
  return db
    .selectFrom('valuator_assignments')
    .selectAll()
    .where('proposal_id', '=', assignment.proposalId)
    .where('person_id', '=', assignment.personId)
    .executeTakeFirstOrThrow();
}

export async function unassign(db: Db, proposalId: string, personId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('valuator_assignments')
    .where('proposal_id', '=', proposalId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function valuatorsOf(db: Db, proposalId: string): Promise<ValuatorAssignment[]> {
  const rows = await db
    .selectFrom('valuator_assignments')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .orderBy('assigned_at')
    .execute();
  return rows.map(toAssignment);
}

export async function addNote(
  db: Db,
  note: { id: string; proposalId: string; authorId: string; body: string },
): Promise<void> {
  await db
    .insertInto('valuation_notes')
    .values({ id: note.id, proposal_id: note.proposalId, author_id: note.authorId, body: note.body })
    .execute();
}

/** A proposal's private notes, oldest first, under their authors' names. */
export async function notesOf(db: Db, proposalId: string, noteId?: string): Promise<ValuationNote[]> {
  let query = db
    .selectFrom('valuation_notes')
    .leftJoin('authors', 'authors.person_id', 'valuation_notes.author_id')
    .selectAll('valuation_notes')
    .select('authors.display_name as author_name')
    .where('valuation_notes.proposal_id', '=', proposalId);
  if (noteId) query = query.where('valuation_notes.id', '=', noteId);
  const rows = await query.orderBy('valuation_notes.created_at').orderBy('valuation_notes.id').execute();
  return rows.map((row) => ({
    id: row.id,
    proposalId: row.proposal_id,
    authorId: row.author_id,
    authorName: row.author_name ?? '',
    body: row.body,
    createdAt: row.created_at.toISOString(),
  }));
}

const orders = {
  recent: [['proposals.created_at', 'desc']],
  assignedAt: [['valuator_assignments.assigned_at', 'asc']],
  '-assignedAt': [['valuator_assignments.assigned_at', 'desc']],
} as const;

/**
 * One page of the proposals assigned to a valuator, with the total: in the processes named
 * (`processIds`), or in any process when none are.
 */
export async function assignedProposals(
  db: Db,
  personId: string,
  query: Omit<MyValuationsQuery, 'processId'> & { processIds?: readonly string[] },
): Promise<{ rows: ProposalRow[]; total: number }> {
  let filtered = db
    .selectFrom('valuator_assignments')
    .innerJoin('proposals', 'proposals.id', 'valuator_assignments.proposal_id')
    .where('valuator_assignments.person_id', '=', personId);
  if (query.processIds) {
    filtered = filtered.where('valuator_assignments.process_id', 'in', [...query.processIds]);
  }
  if (query.unanswered !== undefined) {
    filtered = filtered.where('proposals.answer_state', query.unanswered ? 'is' : 'is not', null);
  }
  let page = filtered
    .leftJoin('authors', 'authors.person_id', 'proposals.author_id')
    .selectAll('proposals')
    .select('authors.display_name as author_name');
  for (const [column, direction] of orders[query.sort]) page = page.orderBy(column, direction);
  return fetchPage(
    page.orderBy('proposals.id', 'desc'),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export function toAssignment(row: Selectable<ValuatorAssignmentsTable>): ValuatorAssignment {
  return {
    proposalId: row.proposal_id,
    personId: row.person_id,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at.toISOString(),
  };
}
