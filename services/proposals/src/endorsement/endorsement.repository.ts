import type { Endorsement, EndorsementListQuery } from '@convergences/contracts';
import { fetchPage } from '@convergences/database';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { EndorsementsTable, ProposalsDatabase } from '../db/schema';

type Db = Kysely<ProposalsDatabase>;
type EndorsementRow = Selectable<EndorsementsTable> & { person_name: string | null };

/** Inserts the endorsement unless the person already gave it (for that organisation or as themself); answers whether it did. */
export async function insertOnce(db: Db, endorsement: Insertable<EndorsementsTable>): Promise<boolean> {
  const result = await db
    .insertInto('endorsements')
    .values(endorsement)
    .onConflict((oc) => oc.columns(['proposal_id', 'person_id', 'organization_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes the person's endorsement (as themself when `organizationId` is null); answers it, or `undefined` if there was none. */
export async function deleteOne(
  db: Db,
  proposalId: string,
  personId: string,
  organizationId: string | null,
): Promise<Selectable<EndorsementsTable> | undefined> {
  return db
    .deleteFrom('endorsements')
    .where('proposal_id', '=', proposalId)
    .where('person_id', '=', personId)
    .where(sql<boolean>`organization_id is not distinct from ${organizationId}`)
    .returningAll()
    .executeTakeFirst();
}

/** Keeps the proposal's counter equal to its endorsement rows, in the transaction that changed them. */
export async function addToEndorsementsCount(db: Db, proposalId: string, delta: 1 | -1): Promise<void> {
  await db
    .updateTable('proposals')
    .set((eb) => ({ endorsements_count: eb('endorsements_count', '+', delta) }))
    .where('id', '=', proposalId)
    .execute();
}

function withPersonName(db: Db) {
  return db
    .selectFrom('endorsements')
    .leftJoin('authors', 'authors.person_id', 'endorsements.person_id')
    .selectAll('endorsements')
    .select('authors.display_name as person_name');
}

export async function findOne(
  db: Db,
  proposalId: string,
  personId: string,
  organizationId: string | null,
): Promise<EndorsementRow | undefined> {
  return withPersonName(db)
    .where('endorsements.proposal_id', '=', proposalId)
    .where('endorsements.person_id', '=', personId)
    .where(sql<boolean>`endorsements.organization_id is not distinct from ${organizationId}`)
    .executeTakeFirst();
}

/** One page of a proposal's endorsers, with the total. */
export async function listOf(db: Db, query: EndorsementListQuery): Promise<{ rows: EndorsementRow[]; total: number }> {
  const filtered = db.selectFrom('endorsements').where('endorsements.proposal_id', '=', query.proposalId);
  const direction = query.sort === 'recent' ? 'desc' : 'asc';
  return fetchPage(
    withPersonName(db)
      .where('endorsements.proposal_id', '=', query.proposalId)
      .orderBy('endorsements.created_at', direction)
      .orderBy('endorsements.id', direction),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export function toEndorsement(row: EndorsementRow): Endorsement {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    personId: row.person_id,
    personName: row.person_name ?? '',
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    createdAt: row.created_at.toISOString(),
  };
}
