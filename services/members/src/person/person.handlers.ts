import {
  DomainError,
  type AdminPerson,
  type MePerson,
  type Page,
  type ParsedRequestOf,
  type PersonByNickname,
  type PersonExistence,
  type PublicPerson,
} from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { blockPerson, unblockPerson } from './block-person';
import { ensurePerson } from './ensure-person';
import { verifiedOrganizationsOf } from '../membership/membership.repository';
import { assertMayAdministerPeople, showsFullProfile } from './person.policy';
import {
  existingIds,
  findById,
  findByNickname,
  list,
  toAdminPerson,
  toMePerson,
  toPublicPerson,
} from './person.repository';
import { updatePerson } from './update-person';

@Controller()
export class PersonHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MembersDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('members.person.ensure')
  ensure(body: ParsedRequestOf<'members.person.ensure'>): Promise<MePerson> {
    return ensurePerson(this.db, body);
  }

  @Handles('members.person.get')
  async get(body: ParsedRequestOf<'members.person.get'>): Promise<MePerson> {
    const row = await findById(this.db, body.id);
    if (!row) throw new DomainError('not_found', 'No such person.');
    return toMePerson(row);
  }

  @Handles('members.person.update')
  update(body: ParsedRequestOf<'members.person.update'>, context: RequestContext): Promise<MePerson> {
    return updatePerson({ db: this.db, services: this.services }, context, body);
  }

  @Handles('members.person.profile')
  async profile(body: ParsedRequestOf<'members.person.profile'>): Promise<PublicPerson> {
    const row = await findByNickname(this.db, body.nickname);
    if (!row) throw new DomainError('not_found', 'No such person.');
    const organizations = showsFullProfile(row.profile_visibility)
      ? await verifiedOrganizationsOf(this.db, row.id)
      : [];
    return toPublicPerson(row, organizations);
  }

  @Handles('members.person.list')
  async list(query: ParsedRequestOf<'members.person.list'>, { actor }: RequestContext): Promise<Page<AdminPerson>> {
    assertMayAdministerPeople(actor);
    const { rows, total } = await list(this.db, query);
    return { data: rows.map(toAdminPerson), meta: { total, page: query.page, perPage: query.perPage } };
  }

  @Handles('members.person.inspect')
  async inspect(body: ParsedRequestOf<'members.person.inspect'>, { actor }: RequestContext): Promise<AdminPerson> {
    assertMayAdministerPeople(actor);
    const row = await findById(this.db, body.id);
    if (!row) throw new DomainError('not_found', 'No such person.');
    return toAdminPerson(row);
  }

  /** For services checking the people a request names (a process admin giving roles, say). */
  @Handles('members.person.exists')
  async exists(body: ParsedRequestOf<'members.person.exists'>): Promise<PersonExistence> {
    return { existing: await existingIds(this.db, body.ids) };
  }

  /** For services naming people by nickname: a deleted account, placeholder nickname and all, is nobody. */
  @Handles('members.person.resolve')
  async resolve(body: ParsedRequestOf<'members.person.resolve'>): Promise<PersonByNickname> {
    const row = await findByNickname(this.db, body.nickname);
    if (!row || row.deleted_at) throw new DomainError('not_found', 'No such person.');
    return { id: row.id, displayName: row.display_name };
  }

  @Handles('members.person.block')
  block(body: ParsedRequestOf<'members.person.block'>, { actor }: RequestContext): Promise<AdminPerson> {
    return blockPerson(this.db, actor, body.id, body.reason, body.hideContent);
  }

  @Handles('members.person.unblock')
  unblock(body: ParsedRequestOf<'members.person.unblock'>, { actor }: RequestContext): Promise<AdminPerson> {
    return unblockPerson(this.db, actor, body.id);
  }
}
