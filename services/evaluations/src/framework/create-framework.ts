import { assertPlatformAdmin, type Framework, type ParsedRequestOf } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { EvaluationsDatabase } from '../db/schema';
import { processErrors } from './framework-process';
import { assertNoFieldErrors } from './framework.policy';
import { frameworkNow, insertFramework, insertLineage } from './framework.repository';

export interface FrameworkDeps {
  db: Kysely<EvaluationsDatabase>;
  services: ServiceClient;
}

/**
 * Platform admins create a framework: a new lineage and its version 1, a draft, attached to a
 * process (which must exist) when it is co-built there. A retry with the same key answers the first.
 */
export async function createFramework(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.framework.create'>,
): Promise<Framework> {
  assertPlatformAdmin(context.actor, 'create frameworks');
  const actor = context.actor;
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'evaluations.framework.create', key: context.idempotencyKey },
    async () => assertNoFieldErrors(await processErrors(deps.services, context, request.processId), 'framework'),
    async (trx) => {
      const lineageId = uuidv7();
      const id = uuidv7();
      await insertLineage(trx, lineageId, actor.personId);
      await insertFramework(trx, {
        id,
        lineage_id: lineageId,
        version: 1,
        status: 'draft',
        title: JSON.stringify(request.title),
        description: request.description ? JSON.stringify(request.description) : null,
        process_id: request.processId ?? null,
        created_by: actor.personId,
      });
      return frameworkNow(trx, id);
    },
  );
}
