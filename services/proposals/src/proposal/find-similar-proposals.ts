import type { ParsedRequestOf, SimilarProposals } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import { participationOf } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { toProposal } from './proposal.repository';
import { similarProposals } from './similar-proposals.repository';

/** While a person writes, the published proposals of the process that look like theirs, with how much. */
export async function findSimilarProposals(
  db: Kysely<ProposalsDatabase>,
  query: ParsedRequestOf<'proposals.proposal.similar'>,
): Promise<SimilarProposals> {
  const supportsHidden = (await participationOf(db, query.processId))?.rules?.proposals.supportsHidden ?? false;
  const rows = await similarProposals(db, query);
  return { data: rows.map(({ score, ...row }) => ({ ...toProposal(row, { supportsHidden }), score })) };
}
