import { DomainError, type MePerson, type ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertTerritoryExists } from '../territory/territories';
import { assertMayEditProfile } from './person.policy';
import { lockById, toMePerson, updateProfile, type PersonRow, type ProfileChanges } from './person.repository';

type Field = 'displayName' | 'nickname' | 'locale' | 'bio' | 'profileVisibility' | 'territoryId';

export interface UpdatePersonDeps {
  db: Kysely<MembersDatabase>;
  services: ServiceClient;
}

/**
 * A person edits their own profile; a change that changes nothing writes nothing. A territory of
 * residence must exist in `processes`.
 */
export async function updatePerson(
  deps: UpdatePersonDeps,
  context: CallContext,
  request: ParsedRequestOf<'members.person.update'>,
): Promise<MePerson> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to edit your profile.');
  // Asked before the transaction, so that no row stays locked while processes answers.
  if (request.territoryId) await assertTerritoryExists(deps.services, context, request.territoryId);
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockById(trx, actor.personId);
    if (!current) throw new DomainError('not_found', 'No such person.');
    assertMayEditProfile(actor, current);
    const { changes, changed } = changesOf(current, request);
    if (changed.length === 0) return toMePerson(current);
    const row = await updateProfile(trx, current.id, changes);
    if (!row) {
      throw new DomainError('conflict', `The nickname "${request.nickname}" is already taken.`, { field: 'nickname' }, [
        { path: 'nickname', message: 'This nickname is already taken.' },
      ]);
    }
    await addToOutbox(
      trx,
      domainEvent(
        'members.person.updated',
        {
          personId: row.id,
          nickname: row.nickname,
          displayName: row.display_name,
          locale: row.locale,
          profileVisibility: row.profile_visibility,
          changed,
        },
        actor,
      ),
    );
    return toMePerson(row);
  });
}

/** The columns to write: only the fields given whose value differs from the stored one. */
function changesOf(
  current: PersonRow,
  request: ParsedRequestOf<'members.person.update'>,
): { changes: ProfileChanges; changed: Field[] } {
  const changes: ProfileChanges = {};
  const changed: Field[] = [];
  if (request.displayName !== undefined && request.displayName !== current.display_name) {
    changes.display_name = request.displayName;
    changed.push('displayName');
  }
  if (request.nickname !== undefined && request.nickname !== current.nickname) {
    changes.nickname = request.nickname;
    changed.push('nickname');
  }
  if (request.locale !== undefined && request.locale !== current.locale) {
    changes.locale = request.locale;
    changed.push('locale');
  }
  const bio = request.bio === undefined ? undefined : request.bio || null;
  if (bio !== undefined && bio !== current.bio) {
    changes.bio = bio;
    changed.push('bio');
  }
  if (request.profileVisibility !== undefined && request.profileVisibility !== current.profile_visibility) {
    changes.profile_visibility = request.profileVisibility;
    changed.push('profileVisibility');
  }
  if (request.territoryId !== undefined && request.territoryId !== current.territory_id) {
    changes.territory_id = request.territoryId;
    changed.push('territoryId');
  }
  return { changes, changed };
}
