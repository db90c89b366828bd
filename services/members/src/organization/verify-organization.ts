import { DomainError, type Actor, type Organization } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertMayVerifyOrganization } from './organization.policy';
import { lockById, markVerified, networksOf, toOrganization } from './organization.repository';

/** A platform admin verifies a pending organisation; verifying a verified one changes nothing. */
export async function verifyOrganization(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
): Promise<Organization> {
  assertMayVerifyOrganization(actor);
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, id);
    if (!current) throw new DomainError('not_found', 'No such organisation.');
    const row = current.status === 'verified' ? current : await markVerified(trx, id, actor.personId);
    if (row !== current) {
      await addToOutbox(
        trx,
        domainEvent(
          'members.organization.verified',
          { organizationId: row.id, slug: row.slug, name: row.name, kind: row.kind, status: row.status },
          actor,
        ),
      );
    }
    const networks = await networksOf(trx, [row.id], true);
    return toOrganization(row, networks.get(row.id) ?? []);
  });
}
