import { DomainError, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { defaultParticipationSettings } from '@convergences/contracts';
import { activityRecorded } from '../activity/activity-recorded';
import type { ProcessesDatabase } from '../db/schema';
import { announceParticipation } from '../participation/announce-participation';
import { assertReferencesExist } from './process-references';
import { assertMayCreateProcess, assertVerificationsCheckable } from './process.policy';
import {
  findById,
  insertUnlessSlugTaken,
  replaceThemes,
  slugTaken,
  toProcess,
  type NewProcess,
} from './process.repository';
import { slugify } from './slugify';

export interface ProcessDeps {
  db: Kysely<ProcessesDatabase>;
  services: ServiceClient;
}

/** A platform admin opens a new participatory process, as a draft or published at once. */
export async function createProcess(
  deps: ProcessDeps,
  context: CallContext,
  request: ParsedRequestOf<'processes.process.create'>,
): Promise<Process> {
  const { actor } = context;
  assertMayCreateProcess(actor);
  const settings = request.settings ?? defaultParticipationSettings;
  assertVerificationsCheckable(settings, request.territoryId ?? null);
  await assertReferencesExist(deps.db, deps.services, context, request);
  return deps.db.transaction().execute(async (trx) => {
    const fields: Omit<NewProcess, 'id' | 'slug'> = {
      title: request.title,
      subtitle: request.subtitle ?? null,
      description: request.description,
      organizerId: request.organizerId ?? null,
      territoryId: request.territoryId ?? null,
      startDate: request.startDate ?? null,
      endDate: request.endDate ?? null,
      bannerUrl: request.bannerUrl ?? null,
      visibility: request.visibility ?? 'public',
      settings,
      status: request.status,
      createdBy: actor.personId,
    };
    const id = request.slug
      ? await insertUnlessSlugTaken(trx, { id: uuidv7(), slug: request.slug, ...fields })
      : await insertWithFreeSlug(trx, slugify(request.title.fr), fields);
    if (!id) {
      throw new DomainError('conflict', `The slug "${request.slug}" is already used by another process.`, {
        field: 'slug',
      });
    }
    await replaceThemes(trx, id, request.themeIds ?? []);
    const process = toProcess((await findById(trx, id))!);
    const facts = { processId: process.id, slug: process.slug, status: process.status };
    await addToOutbox(trx, domainEvent('processes.process.created', facts, actor));
    if (process.status === 'published') {
      await addToOutbox(
        trx,
        domainEvent('processes.process.published', facts, actor),
        activityRecorded(actor, {
          action: 'process.published',
          resourceType: 'process',
          resourceId: id,
          processId: id,
        }),
      );
      await announceParticipation(trx, id, actor);
    }
    return process;
  });
}

/** Inserts under `base`, or `base-2`, `base-3`… whichever is free first, even against concurrent creations. */
export async function insertWithFreeSlug(
  db: Kysely<ProcessesDatabase>,
  base: string,
  fields: Omit<NewProcess, 'id' | 'slug'>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await slugTaken(db, slug)) continue;
    const id = await insertUnlessSlugTaken(db, { id: uuidv7(), slug, ...fields });
    if (id) return id;
  }
}
