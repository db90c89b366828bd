import type { Actor, CensusReport, CreatedCodes, Page, Verification } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/verifications')
export class VerificationsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<Verification>> {
    return forward(this.services, request, 'members.verification.list', query);
  }

  @Post()
  @HttpCode(201)
  async grant(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Verification> {
    const verification = await forward(this.services, request, 'members.verification.grant', objectBody(body));
    response.location(`/api/v1/verifications/${verification.id}`);
    return verification;
  }

  /** Imports a census CSV (sent as text in JSON) and answers the report; `dryRun` stores nothing. */
  @Post('census')
  @HttpCode(200)
  importCensus(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<CensusReport> {
    return forward(this.services, request, 'members.verification.importCensus', objectBody(body));
  }

  @Post('codes')
  @HttpCode(201)
  createCodes(@SignedIn() _actor: Actor, @Body() body: unknown, @Req() request: GatewayRequest): Promise<CreatedCodes> {
    return forward(this.services, request, 'members.verification.createCodes', objectBody(body));
  }

  /** Revokes every active verification matching the condition. */
  @Post('revoke')
  @HttpCode(200)
  revokeMatching(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<{ count: number }> {
    return forward(this.services, request, 'members.verification.revokeMatching', objectBody(body));
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Verification> {
    return forward(this.services, request, 'members.verification.get', { id });
  }

  /** Revokes one verification; the reason comes in the JSON body (or the `reason` query parameter). */
  @Delete(':id')
  @HttpCode(200)
  revoke(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query('reason') reason: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Verification> {
    const given = objectBody(body);
    return forward(this.services, request, 'members.verification.revoke', {
      ...(reason !== undefined && !('reason' in given) ? { reason } : {}),
      ...given,
      id,
    });
  }
}

@Controller('api/v1/me/verifications')
export class MyVerificationsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  mine(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Verification>> {
    return forward(this.services, request, 'members.verification.listMine', query);
  }

  /** Verifies the signed-in person against the census (422 `verification_refused` when nothing matches). */
  @Post('census')
  @HttpCode(201)
  byCensus(@SignedIn() _actor: Actor, @Body() body: unknown, @Req() request: GatewayRequest): Promise<Verification> {
    return forward(this.services, request, 'members.verification.verifyByCensus', objectBody(body));
  }

  @Post('code')
  @HttpCode(201)
  redeemCode(@SignedIn() _actor: Actor, @Body() body: unknown, @Req() request: GatewayRequest): Promise<Verification> {
    return forward(this.services, request, 'members.verification.redeemCode', objectBody(body));
  }
}
