import { DomainError, type Actor, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayCreateProcess } from './process.policy';
import { insertUnlessSlugTaken, slugTaken, toProcess, type NewProcess, type ProcessRow } from './process.repository';
import { slugify } from './slugify';

/** A platform admin opens a new participatory process, as a draft or published at once. */
export async function createProcess(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.process.create'>,
): Promise<Process> {
  assertMayCreateProcess(actor);
  return db.transaction().execute(async (trx) => {
    const fields = {
      title: request.title,
      description: request.description,
      status: request.status,
      createdBy: actor.personId,
    };
    const row = request.slug
      ? await insertUnlessSlugTaken(trx, { id: uuidv7(), slug: request.slug, ...fields })
      : await insertWithFreeSlug(trx, slugify(request.title.fr), fields);
    if (!row) {
      throw new DomainError('conflict', `The slug "${request.slug}" is already used by another process.`, {
        field: 'slug',
      });
    }
    const facts = { processId: row.id, slug: row.slug, status: row.status };
    await addToOutbox(trx, domainEvent('processes.process.created', facts, actor));
    if (row.status === 'published') await addToOutbox(trx, domainEvent('processes.process.published', facts, actor));
    return toProcess(row);
  });
}

/** Inserts under `base`, or `base-2`, `base-3`… whichever is free first, even against concurrent creations. */
async function insertWithFreeSlug(
  db: Kysely<ProcessesDatabase>,
  base: string,
  fields: Omit<NewProcess, 'id' | 'slug'>,
): Promise<ProcessRow> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await slugTaken(db, slug)) continue;
    const row = await insertUnlessSlugTaken(db, { id: uuidv7(), slug, ...fields });
    if (row) return row;
  }
}
