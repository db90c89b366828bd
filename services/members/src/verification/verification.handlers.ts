import {
  DomainError,
  hasRealmRole,
  type CensusReport,
  type CreatedCodes,
  type Page,
  type ParsedRequestOf,
  type Verification,
  type VerificationCheck,
} from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT, loadConfig } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { MembersDatabase } from '../db/schema';
import { checkVerification } from './check-verification';
import { grantVerification, type VerificationDeps } from './grant-verification';
import { importCensus } from './import-census';
import { revokeMatching, revokeVerification } from './revoke-verification';
import { createCodes, redeemCode } from './verification-codes';
import { assertMayAdministerVerifications, assertMayVerifyThemself } from './verification.policy';
import { findView, list, listForPerson, toVerification } from './verification.repository';
import { verifyByCensus } from './verify-by-census';

/** `CENSUS_SECRET` keys the census hashes; without it a random salt kept in the schema does. */
const censusConfigSchema = z.object({ CENSUS_SECRET: z.string().min(16).optional() });

@Controller()
export class VerificationHandlers {
  private readonly censusSecret = loadConfig(censusConfigSchema).CENSUS_SECRET;

  private readonly deps: VerificationDeps;

  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MembersDatabase>,
    @Inject(SERVICE_CLIENT) services: ServiceClient,
  ) {
    this.deps = { db, services };
  }

  @Handles('members.verification.grant')
  grant(body: ParsedRequestOf<'members.verification.grant'>, context: RequestContext): Promise<Verification> {
    return grantVerification(this.deps, context, body);
  }

  @Handles('members.verification.importCensus')
  importCensus(
    body: ParsedRequestOf<'members.verification.importCensus'>,
    context: RequestContext,
  ): Promise<CensusReport> {
    return importCensus(this.deps, context, body, this.censusSecret);
  }

  @Handles('members.verification.verifyByCensus')
  verifyByCensus(
    body: ParsedRequestOf<'members.verification.verifyByCensus'>,
    { actor }: RequestContext,
  ): Promise<Verification> {
    return verifyByCensus(this.db, actor, body, this.censusSecret);
  }

  @Handles('members.verification.createCodes')
  createCodes(
    body: ParsedRequestOf<'members.verification.createCodes'>,
    context: RequestContext,
  ): Promise<CreatedCodes> {
    return createCodes(this.deps, context, body);
  }

  @Handles('members.verification.redeemCode')
  redeemCode(
    body: ParsedRequestOf<'members.verification.redeemCode'>,
    { actor }: RequestContext,
  ): Promise<Verification> {
    return redeemCode(this.db, actor, body.code);
  }

  @Handles('members.verification.revoke')
  revoke(body: ParsedRequestOf<'members.verification.revoke'>, { actor }: RequestContext): Promise<Verification> {
    return revokeVerification(this.db, actor, body.id, body.reason);
  }

  @Handles('members.verification.revokeMatching')
  revokeMatching(
    body: ParsedRequestOf<'members.verification.revokeMatching'>,
    { actor }: RequestContext,
  ): Promise<{ count: number }> {
    return revokeMatching(this.db, actor, body);
  }

  /** Platform admins, or the person it is about; anyone else gets a 404. */
  @Handles('members.verification.get')
  async get(body: ParsedRequestOf<'members.verification.get'>, { actor }: RequestContext): Promise<Verification> {
    assertMayVerifyThemself(actor);
    const view = await findView(this.db, body.id);
    if (!view || (view.person_id !== actor.personId && !hasRealmRole(actor, 'admin')))
      throw new DomainError('not_found', 'No such verification.');
    return toVerification(view);
  }

  @Handles('members.verification.list')
  async list(
    query: ParsedRequestOf<'members.verification.list'>,
    { actor }: RequestContext,
  ): Promise<Page<Verification>> {
    assertMayAdministerVerifications(actor);
    const { rows, total } = await list(this.db, query);
    const now = new Date();
    return {
      data: rows.map((row) => toVerification(row, now)),
      meta: { total, page: query.page, perPage: query.perPage },
    };
  }

  @Handles('members.verification.listMine')
  async listMine(
    query: ParsedRequestOf<'members.verification.listMine'>,
    { actor }: RequestContext,
  ): Promise<Page<Verification>> {
    assertMayVerifyThemself(actor);
    const { rows, total } = await listForPerson(this.db, actor.personId, query);
    const now = new Date();
    return {
      data: rows.map((row) => toVerification(row, now)),
      meta: { total, page: query.page, perPage: query.perPage },
    };
  }

  @Handles('members.verification.check')
  check(body: ParsedRequestOf<'members.verification.check'>, context: RequestContext): Promise<VerificationCheck> {
    return checkVerification(this.deps, context, body);
  }
}
