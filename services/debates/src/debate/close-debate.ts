import { DomainError, type Debate, type ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { assertMaySeeProcessOf } from '../participation/process-visibility';
import type { DebateDeps } from './create-debate';
import { debateTextOf } from './debate-text';
import { assertMayClose, assertMayReopen, assertSignedIn, type DebateFacts } from './debate.policy';
import { factsOf, findDebate, lockDebate, toDebate, updateDebate } from './debate.repository';
import { runsProcess } from './process-admin';

/** The debate as its closer and reopener may see it, and whether they run its process (asked only when it matters). */
async function debateFor(
  deps: DebateDeps,
  context: CallContext,
  id: string,
  mayDoAsAuthor: (facts: DebateFacts) => boolean,
) {
  const seen = await findDebate(deps.db, id);
  if (!seen || seen.hidden_at) throw new DomainError('not_found', 'No such debate.');
  await assertMaySeeProcessOf(deps, context, seen.process_id, 'debate');
  const isAdmin = mayDoAsAuthor(factsOf(seen)) ? false : await runsProcess(deps.services, context, seen.process_id);
  return { seen, isAdmin };
}

/**
 * Its author (a participant's debate) or the process's admins close a debate with conclusions:
 * it takes no more comments and is not edited. Closing a closed debate amends its conclusions
 * and keeps the time it was closed.
 */
export async function closeDebate(
  deps: DebateDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.debate.close'>,
): Promise<Debate> {
  assertSignedIn(context.actor, 'close a debate');
  const actor = context.actor;
  const { isAdmin } = await debateFor(deps, context, request.id, (d) => !d.official && d.authorId === actor.personId);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockDebate(trx, request.id))!;
    assertMayClose(actor, factsOf(current), isAdmin);
    await updateDebate(trx, current.id, {
      conclusions: JSON.stringify(debateTextOf(request.conclusions, request.locale ?? actor.locale)),
      closed_at: current.closed_at ?? new Date(),
      closed_by: actor.personId,
    });
    await addToOutbox(
      trx,
      domainEvent(
        'debates.debate.closed',
        { debateId: current.id, processId: current.process_id, authorId: current.author_id, closedBy: actor.personId },
        actor,
      ),
    );
    return toDebate((await findDebate(trx, current.id))!);
  });
}

/** The process's admins reopen a closed debate: it takes comments again, and its conclusions go. */
export async function reopenDebate(
  deps: DebateDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.debate.reopen'>,
): Promise<Debate> {
  assertSignedIn(context.actor, 'reopen a debate');
  const { isAdmin } = await debateFor(deps, context, request.id, () => false);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockDebate(trx, request.id))!;
    assertMayReopen(factsOf(current), isAdmin);
    await updateDebate(trx, current.id, { conclusions: null, closed_at: null, closed_by: null });
    return toDebate((await findDebate(trx, current.id))!);
  });
}
