import {
  DomainError,
  hasRealmRole,
  type Page,
  type ParsedRequestOf,
  type ProgressAction,
} from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { assertSignedIn } from './progress.policy';
import { actionView, listActions } from './progress.repository';

type Db = Kysely<EvaluationsDatabase>;

/** One action, for those who may read its organisation's actions; nobody else learns it exists. */
export async function getProgressAction(
  db: Db,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.progressAction.get'>,
): Promise<ProgressAction> {
  assertSignedIn(context.actor, 'read progress actions');
  const action = await actionView(db, {
    everything: hasRealmRole(context.actor, 'admin'),
    readerId: context.actor.personId,
    id: request.id,
  });
  if (!action) throw new DomainError('not_found', 'No such progress action.');
  return action;
}

/** A page of the actions the caller may read, filtered. */
export async function listProgressActions(
  db: Db,
  context: CallContext,
  query: ParsedRequestOf<'evaluations.progressAction.list'>,
): Promise<Page<ProgressAction>> {
  assertSignedIn(context.actor, 'read progress actions');
  const { rows, total } = await listActions(
    db,
    {
      everything: hasRealmRole(context.actor, 'admin'),
      readerId: context.actor.personId,
      ...(query.organizationId ? { organizationId: query.organizationId } : {}),
      ...(query.lineageId ? { lineageId: query.lineageId } : {}),
      ...(query.campaignId ? { campaignId: query.campaignId } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    query,
  );
  return { data: rows, meta: { total, page: query.page, perPage: query.perPage } };
}
