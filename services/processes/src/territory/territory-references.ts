import { DomainError, type TerritoryType } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { findByCode, findById, type TerritoryRow } from './territory.repository';

/** The parent a request names, which must exist: an unknown one is a field error of the request. */
export async function existingParent(db: Kysely<ProcessesDatabase>, parentId: string): Promise<TerritoryRow> {
  const parent = await findById(db, parentId);
  if (!parent) {
    throw new DomainError('validation_failed', 'The parent territory does not exist.', undefined, [
      { path: 'parentId', message: 'no such territory' },
    ]);
  }
  return parent;
}

/** Refuses a code another territory of the same type already holds (`exceptId`: the territory being changed). */
export async function assertCodeFree(
  db: Kysely<ProcessesDatabase>,
  type: TerritoryType,
  code: string | null,
  exceptId?: string,
): Promise<void> {
  if (!code) return;
  const holder = await findByCode(db, type, code);
  if (holder && holder.id !== exceptId) {
    throw new DomainError('conflict', `The ${type} "${holder.name}" already has the code ${code}.`, {
      field: 'code',
      territoryId: holder.id,
    });
  }
}
