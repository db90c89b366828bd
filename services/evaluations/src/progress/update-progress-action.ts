import { DomainError, hasRealmRole, type ParsedRequestOf, type ProgressAction } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely, Updateable } from 'kysely';
import type { ProgressActionsTable } from '../campaign/campaign.tables';
import type { EvaluationsDatabase } from '../db/schema';
import { assertMayWrite, assertSignedIn } from './progress.policy';
import {
  actionView,
  findAction,
  isCoordinatorOf,
  isMemberOf,
  mayReadActionsOf,
  updateAction,
} from './progress.repository';

const doing = 'follow up progress actions';

/**
 * The organisation's members now, or the coordinators of the campaign the action was recorded in,
 * follow it up at any time after: its texts, owner, due date, status and a note on where it stands.
 */
export async function updateProgressAction(
  db: Kysely<EvaluationsDatabase>,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.progressAction.update'>,
): Promise<ProgressAction> {
  assertSignedIn(context.actor, doing);
  const actor = context.actor;
  const action = await findAction(db, request.id);
  if (!action) throw new DomainError('not_found', 'No such progress action.');
  const isAdmin = hasRealmRole(actor, 'admin');
  const [isMember, isCoordinator, mayRead] = await Promise.all([
    isMemberOf(db, action.organization_id, actor.personId),
    isCoordinatorOf(db, action.campaign_id, actor.personId),
    isAdmin || mayReadActionsOf(db, actor.personId, action),
  ]);
  assertMayWrite({ actor, isAdmin, isMember, isCoordinator, mayRead }, doing);
  const change: Updateable<ProgressActionsTable> = {};
  if (request.title !== undefined) change.title = request.title;
  if (request.description !== undefined) change.description = request.description;
  if (request.owner !== undefined) change.owner = request.owner;
  if (request.dueOn !== undefined) change.due_on = request.dueOn;
  if (request.status !== undefined) change.status = request.status;
  if (request.statusNote !== undefined) change.status_note = request.statusNote;
  if (Object.keys(change).length > 0) await updateAction(db, action.id, change);
  return (await actionView(db, { everything: true, id: action.id }))!;
}
