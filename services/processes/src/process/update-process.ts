import { DomainError, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { standingIn } from '../access/process-access.repository';
import { announceParticipation } from '../participation/announce-participation';
import type { ProcessDeps } from './create-process';
import { assertReferencesExist } from './process-references';
import { lockOpenProcess } from './lock-open-process';
import { assertMayAdministerProcess, assertVerificationsCheckable } from './process.policy';
import { findById, replaceThemes, toProcess, updateFields } from './process.repository';

/** Platform admins and the process's admins change its fields; the rules in force are announced if they moved. */
export async function updateProcess(
  deps: ProcessDeps,
  context: CallContext,
  request: ParsedRequestOf<'processes.process.update'>,
): Promise<Process> {
  const { actor } = context;
  const { id, themeIds, ...fields } = request;
  const standing = await standingIn(deps.db, id, actor?.personId);
  assertMayAdministerProcess(actor, standing, 'change this process');
  await assertReferencesExist(deps.db, deps.services, context, { ...fields, themeIds });
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockOpenProcess(trx, id);
    const before = toProcess(current);
    const settings = fields.settings ?? before.settings;
    const territoryId = fields.territoryId !== undefined ? fields.territoryId : before.territoryId;
    assertVerificationsCheckable(settings, territoryId);
    const startDate = fields.startDate !== undefined ? fields.startDate : before.startDate;
    const endDate = fields.endDate !== undefined ? fields.endDate : before.endDate;
    if (startDate && endDate && startDate > endDate) {
      throw new DomainError('validation_failed', 'The process is invalid.', undefined, [
        { path: 'endDate', message: 'must not be before the start date' },
      ]);
    }
    if (!(await updateFields(trx, id, fields))) {
      throw new DomainError('conflict', `The slug "${fields.slug}" is already used by another process.`, {
        field: 'slug',
      });
    }
    if (themeIds) await replaceThemes(trx, id, themeIds);
    const after = toProcess((await findById(trx, id))!);
    await addToOutbox(
      trx,
      domainEvent('processes.process.updated', { processId: id, slug: after.slug, status: after.status }, actor),
    );
    const rulesMoved =
      JSON.stringify(before.settings) !== JSON.stringify(after.settings) ||
      before.visibility !== after.visibility ||
      before.territoryId !== after.territoryId;
    if (rulesMoved && after.status !== 'draft') await announceParticipation(trx, id, actor);
    return after;
  });
}
