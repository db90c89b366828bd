import { DomainError } from '@convergences/contracts';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assertNotClosed } from './process.policy';
import { lockById, type ProcessRow } from './process.repository';

/**
 * Locks a process that is about to change, so that changes to it and its phases happen one at a
 * time; an unknown process is `not_found`, a closed one `process_closed`.
 */
export async function lockOpenProcess(trx: Transaction<ProcessesDatabase>, id: string): Promise<ProcessRow> {
  const process = await lockById(trx, id);
  if (!process) throw new DomainError('not_found', 'No such process.');
  assertNotClosed(process.status);
  return process;
}
