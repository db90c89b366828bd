import type { DomainEvent } from '@convergences/contracts';
import { addToOutbox, domainEvent, type EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import { sql, type Transaction } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';

/**
 * Hides a proposal, or shows it again, as moderation (in the debates service) decided: a hidden
 * proposal leaves every list, map and export here. Applied only when newer than the decision
 * shown (`version`), so decisions arriving out of order never go back in time; hidden, never
 * destroyed. When a published proposal is hidden or shown again, `proposals.proposal.hidden` /
 * `shown` tell those who count proposals (processes, members).
 */
@Injectable()
export class ContentModeratedHandler implements EventHandler<ProposalsDatabase, 'debates.content.moderated'> {
  readonly name = 'proposals-moderation';
  readonly type = 'debates.content.moderated' as const;

  async handle(trx: Transaction<ProposalsDatabase>, event: DomainEvent<'debates.content.moderated'>): Promise<void> {
    const { resourceType, resourceId, hidden, version } = event.data;
    if (resourceType !== 'proposal') return;
    const before = await trx
      .selectFrom('proposals')
      .select(['process_id', 'author_id', 'reference', 'title', 'state', 'hidden_at', 'moderation_version'])
      .where('id', '=', resourceId)
      .forUpdate()
      .executeTakeFirst();
    if (!before || before.moderation_version >= version) return;
    await trx
      .updateTable('proposals')
      .set({
        hidden_at: hidden ? sql<Date>`coalesce(hidden_at, ${new Date(event.occurredAt)})` : null,
        moderation_version: version,
      })
      .where('id', '=', resourceId)
      .execute();
    if ((before.hidden_at !== null) === hidden || before.reference === null) return;
    await addToOutbox(
      trx,
      domainEvent(
        hidden ? 'proposals.proposal.hidden' : 'proposals.proposal.shown',
        {
          proposalId: resourceId,
          processId: before.process_id,
          authorId: before.author_id,
          reference: before.reference,
          title: before.title,
        },
        event.actor,
      ),
    );
  }
}
