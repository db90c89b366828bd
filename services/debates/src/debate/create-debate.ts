import { DomainError, type Debate, type ParsedRequestOf } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { rememberAuthor } from '@convergences/read-models';
import { ensureCountRow } from '../comment/comment-counts.repository';
import type { DebatesDatabase } from '../db/schema';
import { debateTextOf } from './debate-text';
import { assertNoFieldErrors, themeErrors } from './debate-theme';
import { assertMayOpen, assertSignedIn, officialOnlyErrors } from './debate.policy';
import { findDebate, insertDebate, toDebate } from './debate.repository';

export interface DebateDeps {
  db: Kysely<DebatesDatabase>;
  services: ServiceClient;
}

/**
 * A participant opens a debate when the active phase opens debates; a process admin opens an
 * official one (`official: true`) whatever the phase, in the name of the process's organiser (its
 * name kept as it was then). `processes` and `members` are asked before the transaction opens; a
 * retried request with the same key answers the first debate.
 */
export async function createDebate(
  deps: DebateDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.debate.create'>,
): Promise<Debate> {
  assertSignedIn(context.actor, 'open a debate');
  const actor = context.actor;
  const official = request.official ?? false;
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'debates.debate.create', key: context.idempotencyKey },
    async () => {
      const decision = await deps.services.request(
        'processes.permission.check',
        { processId: request.processId, action: official ? 'administer' : 'create_debate' },
        context,
      );
      assertMayOpen(decision);
      assertNoFieldErrors([
        ...officialOnlyErrors(official, request),
        ...(await themeErrors(deps.services, context, request.themeId)),
      ]);
      if (!official) return { organizer: null };
      const process = await deps.services.request('processes.process.get', { idOrSlug: request.processId }, context);
      if (process.status === 'closed') throw new DomainError('process_closed', 'This process is closed.');
      if (!process.organizerId) {
        throw new DomainError(
          'conflict',
          'This process has no organiser: give it one before opening official debates in its name.',
        );
      }
      const organizer = await deps.services.request(
        'members.organization.get',
        { idOrSlug: process.organizerId },
        context,
      );
      return { organizer: { id: organizer.id, name: organizer.name } };
    },
    async (trx, { organizer }) => {
      await rememberAuthor(trx, actor.personId, actor.displayName);
      const locale = request.locale ?? actor.locale;
      const id = uuidv7();
      await insertDebate(trx, {
        id,
        process_id: request.processId,
        official,
        title: JSON.stringify(debateTextOf(request.title, locale)),
        description: JSON.stringify(debateTextOf(request.description, locale)),
        instructions: request.instructions ? JSON.stringify(debateTextOf(request.instructions, locale)) : null,
        theme_id: request.themeId ?? null,
        starts_at: request.startsAt ? new Date(request.startsAt) : null,
        ends_at: request.endsAt ? new Date(request.endsAt) : null,
        author_id: actor.personId,
        organizer_id: organizer?.id ?? null,
        organizer_name: organizer?.name ?? null,
      });
      await ensureCountRow(trx, { resourceType: 'debate', resourceId: id, processId: request.processId });
      await addToOutbox(
        trx,
        domainEvent(
          'debates.debate.created',
          { debateId: id, processId: request.processId, authorId: actor.personId },
          actor,
        ),
      );
      return toDebate((await findDebate(trx, id))!);
    },
  );
}
