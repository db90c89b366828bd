import { DomainError, type FieldError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { territoryExists, unknownThemes } from './process.repository';

export interface ProcessReferences {
  territoryId?: string | null;
  themeIds?: readonly string[];
  organizerId?: string | null;
}

/**
 * Checks that the territory and themes a process names exist here, and its organiser in
 * `members`; fails with the offending fields, before anything is written.
 */
export async function assertReferencesExist(
  db: Kysely<ProcessesDatabase>,
  services: ServiceClient,
  context: CallContext,
  references: ProcessReferences,
): Promise<void> {
  const errors: FieldError[] = [];
  const [territoryOk, missingThemes, organizerOk] = await Promise.all([
    references.territoryId ? territoryExists(db, references.territoryId) : true,
    unknownThemes(db, references.themeIds ?? []),
    references.organizerId ? organizationExists(services, context, references.organizerId) : true,
  ]);
  if (!territoryOk) errors.push({ path: 'territoryId', message: 'no such territory' });
  if (missingThemes.length > 0)
    errors.push({ path: 'themeIds', message: `no such theme: ${missingThemes.join(', ')}` });
  if (!organizerOk) errors.push({ path: 'organizerId', message: 'no such organisation' });
  if (errors.length > 0) throw new DomainError('validation_failed', 'The process is invalid.', undefined, errors);
}

async function organizationExists(services: ServiceClient, context: CallContext, id: string): Promise<boolean> {
  try {
    await services.request('members.organization.get', { idOrSlug: id }, context);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return false;
    throw error;
  }
}
