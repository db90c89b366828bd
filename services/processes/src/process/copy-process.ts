import { DomainError, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import { standingIn } from '../access/process-access.repository';
import { copyPhases } from '../phase/phase.repository';
import { insertWithFreeSlug, type ProcessDeps } from './create-process';
import { assertMayAdministerProcess } from './process.policy';
import { findById, insertUnlessSlugTaken, replaceThemes, toProcess } from './process.repository';
import { slugify } from './slugify';

/**
 * Platform admins and the process's admins start a new draft from a process: same texts,
 * territory, themes, settings and phases (none active), none of its participation or roles.
 */
export async function copyProcess(
  deps: ProcessDeps,
  context: CallContext,
  request: ParsedRequestOf<'processes.process.copy'>,
): Promise<Process> {
  const { actor } = context;
  assertMayAdministerProcess(actor, await standingIn(deps.db, request.id, actor?.personId), 'copy this process');
  return deps.db.transaction().execute(async (trx) => {
    const source = await findById(trx, request.id);
    if (!source) throw new DomainError('not_found', 'No such process.');
    const original = toProcess(source);
    const title = request.title ?? {
      fr: `${original.title.fr} (copie)`.slice(0, 200),
      ...(original.title.en ? { en: `${original.title.en} (copy)`.slice(0, 200) } : {}),
    };
    const fields = {
      title,
      subtitle: original.subtitle,
      description: original.description,
      organizerId: original.organizerId,
      territoryId: original.territoryId,
      startDate: original.startDate,
      endDate: original.endDate,
      bannerUrl: original.bannerUrl,
      visibility: original.visibility,
      settings: original.settings,
      status: 'draft' as const,
      createdBy: actor.personId,
    };
    const id = request.slug
      ? await insertUnlessSlugTaken(trx, { id: uuidv7(), slug: request.slug, ...fields })
      : await insertWithFreeSlug(trx, slugify(title.fr), fields);
    if (!id) {
      throw new DomainError('conflict', `The slug "${request.slug}" is already used by another process.`, {
        field: 'slug',
      });
    }
    await replaceThemes(trx, id, original.themeIds);
    await copyPhases(trx, original.id, id, uuidv7);
    const copy = toProcess((await findById(trx, id))!);
    await addToOutbox(
      trx,
      domainEvent('processes.process.created', { processId: id, slug: copy.slug, status: 'draft' }, actor),
    );
    return copy;
  });
}
