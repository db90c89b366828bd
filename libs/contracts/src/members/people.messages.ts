import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  adminPersonSchema,
  blockPersonRequestSchema,
  ensurePersonRequestSchema,
  getPersonRequestSchema,
  mePersonSchema,
  personByNicknameRequestSchema,
  personByNicknameSchema,
  personExistsRequestSchema,
  personExistsSchema,
  personListQuerySchema,
  personProfileRequestSchema,
  publicPersonSchema,
  unblockPersonRequestSchema,
  updatePersonRequestSchema,
} from './person';

/** Messages of the members service about people. */
export const peopleMessages = {
  'members.person.ensure': { request: ensurePersonRequestSchema, response: mePersonSchema },
  'members.person.get': { request: getPersonRequestSchema, response: mePersonSchema },
  /** The actor edits their own profile. */
  'members.person.update': { request: updatePersonRequestSchema, response: mePersonSchema },
  /** A public profile, by nickname. */
  'members.person.profile': { request: personProfileRequestSchema, response: publicPersonSchema },
  /** Platform admins: people, searchable and filterable by block state. */
  'members.person.list': { request: personListQuerySchema, response: pageSchema(adminPersonSchema) },
  /** Platform admins: one person, block state included. */
  'members.person.inspect': { request: getPersonRequestSchema, response: adminPersonSchema },
  'members.person.block': { request: blockPersonRequestSchema, response: adminPersonSchema },
  'members.person.unblock': { request: unblockPersonRequestSchema, response: adminPersonSchema },
  /** For services: which of these ids are people with an account (deleted accounts are not). */
  'members.person.exists': { request: personExistsRequestSchema, response: personExistsSchema },
  /**
   * For services: the person a nickname names (evaluations names people by nickname); 404 for
   * nobody, a deleted account included.
   */
  'members.person.resolve': { request: personByNicknameRequestSchema, response: personByNicknameSchema },
} as const satisfies Record<string, MessageContract>;
