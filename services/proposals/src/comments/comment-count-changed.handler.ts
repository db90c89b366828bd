import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';

/**
 * Shows each proposal's comment count as the debates service keeps it: applied only when newer
 * than the one shown (`version`), so counts arriving out of order never go back in time.
 */
@Injectable()
export class CommentCountChangedHandler implements EventHandler<ProposalsDatabase, 'debates.commentCount.changed'> {
  readonly name = 'proposals-comment-counts';
  readonly type = 'debates.commentCount.changed' as const;

  async handle(trx: Transaction<ProposalsDatabase>, event: DomainEvent<'debates.commentCount.changed'>): Promise<void> {
    const { resourceType, resourceId, count, version } = event.data;
    if (resourceType !== 'proposal') return;
    await trx
      .updateTable('proposals')
      .set({ comments_count: count, comments_version: version })
      .where('id', '=', resourceId)
      .where('comments_version', '<', version)
      .execute();
  }
}
