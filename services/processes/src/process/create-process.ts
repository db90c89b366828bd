import { DomainError, type Actor, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayCreateProcess } from './process.policy';
import { insert, slugTaken, toProcess } from './process.repository';
import { slugify } from './slugify';

/** A platform admin opens a new participatory process, as a draft or published at once. */
export async function createProcess(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.process.create'>,
): Promise<Process> {
  assertMayCreateProcess(actor);
  return db.transaction().execute(async (trx) => {
    const slug = request.slug ?? (await freeSlug(trx, slugify(request.title.fr)));
    if (request.slug && (await slugTaken(trx, request.slug))) {
      throw new DomainError('conflict', `The slug "${request.slug}" is already used by another process.`, {
        field: 'slug',
      });
    }
    const row = await insert(trx, {
      id: uuidv7(),
      slug,
      title: request.title,
      description: request.description,
      status: request.status,
      createdBy: actor.personId,
    });
    const facts = { processId: row.id, slug: row.slug, status: row.status };
    await addToOutbox(trx, domainEvent('processes.process.created', facts, actor));
    if (row.status === 'published') await addToOutbox(trx, domainEvent('processes.process.published', facts, actor));
    return toProcess(row);
  });
}

async function freeSlug(db: Kysely<ProcessesDatabase>, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
}
