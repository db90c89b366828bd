import { DELETED_ACCOUNT_NAME, type DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { nameAuthor } from '@convergences/read-models';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

/**
 * A deleted account edits no framework and holds no role in campaigns any more: it leaves their
 * coordinators and committees and its peer visits, and its drafts go (no one will submit them).
 * What it submitted stays, part of the campaigns' record, signed "Compte supprimé" as of the
 * deletion (recorded even if the name was not known here, so a late name event cannot bring it back).
 */
@Injectable()
export class PersonDeletedHandler implements EventHandler<EvaluationsDatabase, 'members.person.deleted'> {
  readonly name = 'evaluations-person-deleted';
  readonly type = 'members.person.deleted' as const;

  async handle(trx: Transaction<EvaluationsDatabase>, event: DomainEvent<'members.person.deleted'>): Promise<void> {
    const { personId } = event.data;
    await trx.deleteFrom('framework_editors').where('person_id', '=', personId).execute();
    await trx.deleteFrom('campaign_people').where('person_id', '=', personId).execute();
    await trx.deleteFrom('peer_assignments').where('person_id', '=', personId).execute();
    await trx.deleteFrom('assessments').where('author_id', '=', personId).where('status', '=', 'draft').execute();
    await nameAuthor(trx, personId, DELETED_ACCOUNT_NAME, new Date(event.occurredAt));
  }
}
