import { DomainError, type Debate, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertMaySeeProcessOf } from '../participation/process-visibility';
import type { DebateDeps } from './create-debate';
import { debateTextOf } from './debate-text';
import { assertNoFieldErrors, themeErrors } from './debate-theme';
import { assertMayEdit, assertSignedIn, officialOnlyErrors, windowErrors } from './debate.policy';
import { factsOf, findDebate, lockDebate, toDebate, updateDebate as writeDebate } from './debate.repository';
import { runsProcess } from './process-admin';

/**
 * Its author edits a participant's debate, the process's admins an official one (and add its
 * information updates), while it is open. What is not given stays as it was.
 */
export async function updateDebate(
  deps: DebateDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.debate.update'>,
): Promise<Debate> {
  assertSignedIn(context.actor, 'edit a debate');
  const actor = context.actor;
  const seen = await findDebate(deps.db, request.id);
  if (!seen || seen.hidden_at) throw new DomainError('not_found', 'No such debate.');
  await assertMaySeeProcessOf(deps, context, seen.process_id, 'debate');
  const isAdmin = seen.official ? await runsProcess(deps.services, context, seen.process_id) : false;
  assertMayEdit(actor, factsOf(seen), isAdmin);
  assertNoFieldErrors([
    ...officialOnlyErrors(seen.official, request),
    ...(await themeErrors(deps.services, context, request.themeId)),
  ]);

  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockDebate(trx, request.id))!;
    // Closed meanwhile: the rules are read again on the locked row.
    assertMayEdit(actor, factsOf(current), isAdmin);
    const startsAt =
      request.startsAt !== undefined ? (request.startsAt ? new Date(request.startsAt) : null) : current.starts_at;
    const endsAt = request.endsAt !== undefined ? (request.endsAt ? new Date(request.endsAt) : null) : current.ends_at;
    assertNoFieldErrors(windowErrors(startsAt, endsAt));
    const locale = request.locale ?? actor.locale;
    const text = (input: Parameters<typeof debateTextOf>[0]) => JSON.stringify(debateTextOf(input, locale));
    await writeDebate(trx, current.id, {
      ...(request.title !== undefined ? { title: text(request.title) } : {}),
      ...(request.description !== undefined ? { description: text(request.description) } : {}),
      ...(request.instructions !== undefined
        ? { instructions: request.instructions ? text(request.instructions) : null }
        : {}),
      ...(request.themeId !== undefined ? { theme_id: request.themeId } : {}),
      starts_at: startsAt,
      ends_at: endsAt,
      ...(request.informationUpdate !== undefined
        ? {
            information_updates: JSON.stringify([
              ...current.information_updates,
              { body: debateTextOf(request.informationUpdate, locale), addedAt: new Date().toISOString() },
            ]),
          }
        : {}),
    });
    return toDebate((await findDebate(trx, current.id))!);
  });
}
