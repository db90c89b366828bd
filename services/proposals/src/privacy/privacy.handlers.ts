import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { toProposal } from '../proposal/proposal.repository';

/** What proposals holds about a person: the name they sign with and their proposals. */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>) {}

  @Handles('proposals.privacy.export')
  async export(body: ParsedRequestOf<'proposals.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const [author, proposals] = await Promise.all([
      this.db.selectFrom('authors').select('display_name').where('person_id', '=', body.personId).executeTakeFirst(),
      this.db
        .selectFrom('proposals')
        .leftJoin('authors', 'authors.person_id', 'proposals.author_id')
        .selectAll('proposals')
        .select('authors.display_name as author_name')
        .where('proposals.author_id', '=', body.personId)
        .orderBy('proposals.created_at')
        .execute(),
    ]);
    return {
      service: 'proposals',
      data: { authorName: author?.display_name ?? null, proposals: proposals.map((row) => toProposal(row)) },
    };
  }
}
