import { activityOf, type DebateText, type DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { recordActivity } from '../activity/record-activity';
import type { DebatesDatabase } from '../db/schema';
import { applyHiding } from './apply-hiding';
import { lockModerationOf, type ModeratedFacts } from './moderation.repository';

type Trx = Transaction<DebatesDatabase>;
const textOf = (text: DebateText) => text.fr ?? text.en ?? null;

/** Everything a person wrote that is shown: their debates, comments and proposals. */
async function shownContentOf(trx: Trx, personId: string): Promise<ModeratedFacts[]> {
  const [debates, comments, proposals] = await Promise.all([
    trx
      .selectFrom('debates')
      .select(['id', 'process_id', 'title', 'description'])
      .where('author_id', '=', personId)
      .where('hidden_at', 'is', null)
      .execute(),
    trx
      .selectFrom('comments')
      .select(['id', 'process_id', 'resource_type', 'resource_id', 'body'])
      .where('author_id', '=', personId)
      .where('hidden_at', 'is', null)
      .where('deleted_at', 'is', null)
      .execute(),
    trx.selectFrom('known_proposals').selectAll().where('author_id', '=', personId).execute(),
  ]);
  const none = { parentResource: null, authorId: personId };
  return [
    ...debates.map((d) => ({
      ...none,
      resourceType: 'debate' as const,
      resourceId: d.id,
      processId: d.process_id,
      title: textOf(d.title),
      excerpt: textOf(d.description),
    })),
    ...proposals.map((p) => ({
      ...none,
      resourceType: 'proposal' as const,
      resourceId: p.proposal_id,
      processId: p.process_id,
      title: p.title,
      excerpt: null,
    })),
    ...comments.map((c) => ({
      ...none,
      resourceType: 'comment' as const,
      resourceId: c.id,
      processId: c.process_id,
      parentResource: { resourceType: c.resource_type, resourceId: c.resource_id },
      title: null,
      excerpt: c.body,
    })),
  ];
}

/**
 * A person blocked with `hideContent`: everything they wrote that is shown is hidden, marked as
 * the block's, so that unblocking shows exactly that again. Every moderation row is locked
 * before any resource is hidden: a report running meanwhile takes its row first too, so the two
 * never wait on each other crosswise.
 */
@Injectable()
export class PersonBlockedHandler implements EventHandler<DebatesDatabase, 'members.person.blocked'> {
  readonly name = 'debates-moderation-blocks';
  readonly type = 'members.person.blocked' as const;

  async handle(trx: Trx, event: DomainEvent<'members.person.blocked'>): Promise<void> {
    const { personId, reason, hideContent } = event.data;
    if (!hideContent) return;
    const content = await shownContentOf(trx, personId);
    const rows = [];
    for (const facts of content) rows.push(await lockModerationOf(trx, facts));
    const hiding = { hidden: true as const, cause: 'block' as const, justification: reason };
    const toHide = rows.filter((row) => row.hidden_at === null);
    for (const row of toHide) await applyHiding(trx, row, hiding, event.actor, { log: false });
    await recordActivity(
      trx,
      'debates',
      activityOf(event.actor, {
        action: 'person.contentHidden',
        resourceType: 'person',
        resourceId: personId,
        reason,
        details: { hidden: toHide.length },
      }),
      // Stamped when it is done, not with the block's time: the hiding follows the block, and the
      // log, sorted by time, shows it after the block's own entry whatever the clock's grain.
    );
  }
}

/** A person unblocked: what their block hid is shown again — not what a moderator hid for other reasons. */
@Injectable()
export class PersonUnblockedHandler implements EventHandler<DebatesDatabase, 'members.person.unblocked'> {
  readonly name = 'debates-moderation-unblocks';
  readonly type = 'members.person.unblocked' as const;

  async handle(trx: Trx, event: DomainEvent<'members.person.unblocked'>): Promise<void> {
    const { personId } = event.data;
    const rows = await trx
      .selectFrom('moderations')
      .selectAll()
      .where('author_id', '=', personId)
      .where('hidden_at', 'is not', null)
      .where('hidden_cause', '=', 'block')
      .orderBy('id')
      .forUpdate()
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      await applyHiding(trx, row, { hidden: false, justification: null }, event.actor, { log: false });
    }
    await recordActivity(
      trx,
      'debates',
      activityOf(event.actor, {
        action: 'person.contentShown',
        resourceType: 'person',
        resourceId: personId,
        details: { shown: rows.length },
      }),
      // Stamped when it is done, like the hiding above.
    );
  }
}
