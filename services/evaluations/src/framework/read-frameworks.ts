import {
  hasRealmRole,
  type Framework,
  type FrameworkSummary,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { FrameworkDeps } from './create-framework';
import { frameworkFor } from './framework-access';
import { listFrameworks as listRows } from './framework-list.repository';
import { toSummary, treeOf } from './framework.repository';

/** A version with its tree: adopted ones for anyone, drafts for their editors and platform admins. */
export async function getFramework(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.framework.get'>,
): Promise<Framework> {
  const { framework } = await frameworkFor(deps.db, context.actor, request.id);
  return { ...toSummary(framework), dimensions: await treeOf(deps.db, framework.id) };
}

/** A page of the versions the caller may read (without their trees). */
export async function listFrameworks(
  deps: FrameworkDeps,
  context: CallContext,
  query: ParsedRequestOf<'evaluations.framework.list'>,
): Promise<Page<FrameworkSummary>> {
  const { rows, total } = await listRows(
    deps.db,
    {
      everything: hasRealmRole(context.actor, 'admin'),
      ...(context.actor ? { readerId: context.actor.personId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.processId ? { processId: query.processId } : {}),
      ...(query.lineageId ? { lineageId: query.lineageId } : {}),
      ...(query.q ? { q: query.q } : {}),
    },
    query,
  );
  return { data: rows.map(toSummary), meta: { total, page: query.page, perPage: query.perPage } };
}

/** The versions of a version's lineage that the caller may read: its history. */
export async function listVersions(
  deps: FrameworkDeps,
  context: CallContext,
  query: ParsedRequestOf<'evaluations.framework.versions'>,
): Promise<Page<FrameworkSummary>> {
  const { framework, access } = await frameworkFor(deps.db, context.actor, query.id);
  const { rows, total } = await listRows(
    deps.db,
    {
      everything: access.isAdmin || access.isEditor,
      ...(context.actor ? { readerId: context.actor.personId } : {}),
      lineageId: framework.lineage_id,
    },
    query,
  );
  return { data: rows.map(toSummary), meta: { total, page: query.page, perPage: query.perPage } };
}
