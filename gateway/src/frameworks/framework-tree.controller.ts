import type { Actor, Criterion, Dimension, Framework, Indicator } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/**
 * The tree of a draft framework: dimensions, criteria, indicators. Creations answer the new item,
 * changes the changed one, reorders the whole framework; deletions answer 204.
 */
@Controller('api/v1/frameworks/:frameworkId')
export class FrameworkTreeController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Post('dimensions')
  @HttpCode(201)
  createDimension(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Dimension> {
    return forward(this.services, request, 'evaluations.dimension.create', { ...objectBody(body), frameworkId });
  }

  /** The new order of all the framework's dimensions, in one request. */
  @Post('dimensions/reorder')
  @HttpCode(200)
  reorderDimensions(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Framework> {
    return forward(this.services, request, 'evaluations.dimension.reorder', { ...objectBody(body), frameworkId });
  }

  @Patch('dimensions/:dimensionId')
  updateDimension(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('dimensionId') dimensionId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Dimension> {
    return forward(this.services, request, 'evaluations.dimension.update', {
      ...objectBody(body),
      frameworkId,
      dimensionId,
    });
  }

  @Delete('dimensions/:dimensionId')
  @HttpCode(204)
  async deleteDimension(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('dimensionId') dimensionId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.dimension.delete', { frameworkId, dimensionId });
  }

  @Post('criteria')
  @HttpCode(201)
  createCriterion(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Criterion> {
    return forward(this.services, request, 'evaluations.criterion.create', { ...objectBody(body), frameworkId });
  }

  @Post('criteria/reorder')
  @HttpCode(200)
  reorderCriteria(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Framework> {
    return forward(this.services, request, 'evaluations.criterion.reorder', { ...objectBody(body), frameworkId });
  }

  /** Co-construction: a proposal of the framework's process becomes a criterion, keeping the link. */
  @Post('criteria/from-proposal')
  @HttpCode(201)
  adoptProposal(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Criterion> {
    return forward(this.services, request, 'evaluations.criterion.adoptProposal', {
      ...objectBody(body),
      frameworkId,
    });
  }

  @Patch('criteria/:criterionId')
  updateCriterion(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('criterionId') criterionId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Criterion> {
    return forward(this.services, request, 'evaluations.criterion.update', {
      ...objectBody(body),
      frameworkId,
      criterionId,
    });
  }

  @Delete('criteria/:criterionId')
  @HttpCode(204)
  async deleteCriterion(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('criterionId') criterionId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.criterion.delete', { frameworkId, criterionId });
  }

  @Post('indicators')
  @HttpCode(201)
  createIndicator(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Indicator> {
    return forward(this.services, request, 'evaluations.indicator.create', { ...objectBody(body), frameworkId });
  }

  @Post('indicators/reorder')
  @HttpCode(200)
  reorderIndicators(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Framework> {
    return forward(this.services, request, 'evaluations.indicator.reorder', { ...objectBody(body), frameworkId });
  }

  @Patch('indicators/:indicatorId')
  updateIndicator(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('indicatorId') indicatorId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Indicator> {
    return forward(this.services, request, 'evaluations.indicator.update', {
      ...objectBody(body),
      frameworkId,
      indicatorId,
    });
  }

  @Delete('indicators/:indicatorId')
  @HttpCode(204)
  async deleteIndicator(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('indicatorId') indicatorId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.indicator.delete', { frameworkId, indicatorId });
  }
}
