import { DomainError, type Actor, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayPublishProcess } from './process.policy';
import { lockById, markPublished, toProcess } from './process.repository';

/** A platform admin publishes a draft process; publishing a published one changes nothing. */
export async function publishProcess(db: Kysely<ProcessesDatabase>, actor: Actor | null, id: string): Promise<Process> {
  assertMayPublishProcess(actor);
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, id);
    if (!current) throw new DomainError('not_found', 'No such process.');
    if (current.status === 'published') return toProcess(current);
    const row = await markPublished(trx, id);
    await addToOutbox(
      trx,
      domainEvent('processes.process.published', { processId: row.id, slug: row.slug, status: row.status }, actor),
    );
    return toProcess(row);
  });
}
