import { DomainError } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { lineageOf } from './theme.repository';

/**
 * The parent theme a request names and its ancestors up to the root; an unknown parent is a
 * field error of the request.
 */
export async function parentLineage(db: Kysely<ProcessesDatabase>, parentId: string): Promise<string[]> {
  const lineage = await lineageOf(db, parentId);
  if (lineage.length === 0) {
    throw new DomainError('validation_failed', 'The parent theme does not exist.', undefined, [
      { path: 'parentId', message: 'no such theme' },
    ]);
  }
  return lineage;
}
