import type { Actor, CommentableType, Comment, CommentThread, CommentVotes, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1')
export class CommentsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get('proposals/:id/comments')
  proposalThread(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<CommentThread>> {
    return this.thread('proposal', id, query, request);
  }

  @Get('debates/:id/comments')
  debateThread(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<CommentThread>> {
    return this.thread('debate', id, query, request);
  }

  @Post('proposals/:id/comments')
  @HttpCode(201)
  commentProposal(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Comment> {
    return this.comment('proposal', id, body, request, response);
  }

  @Post('debates/:id/comments')
  @HttpCode(201)
  commentDebate(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Comment> {
    return this.comment('debate', id, body, request, response);
  }

  @Patch('comments/:id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Comment> {
    return forward(this.services, request, 'debates.comment.update', { ...objectBody(body), id });
  }

  /** Its author deletes a comment: it stays in its thread, without text. */
  @Delete('comments/:id')
  @HttpCode(204)
  async delete(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<void> {
    await forward(this.services, request, 'debates.comment.delete', { id });
  }

  @Put('comments/:id/vote')
  vote(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<CommentVotes> {
    return forward(this.services, request, 'debates.comment.vote', { ...objectBody(body), id });
  }

  @Delete('comments/:id/vote')
  unvote(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<CommentVotes> {
    return forward(this.services, request, 'debates.comment.unvote', { id });
  }

  private thread(
    resourceType: CommentableType,
    resourceId: string,
    query: Record<string, unknown>,
    request: GatewayRequest,
  ): Promise<Page<CommentThread>> {
    return forward(this.services, request, 'debates.comment.list', { ...query, resourceType, resourceId });
  }

  /** Writes a comment; a retry with the same `Idempotency-Key` answers the first one. */
  private async comment(
    resourceType: CommentableType,
    resourceId: string,
    body: unknown,
    request: GatewayRequest,
    response: Response,
  ): Promise<Comment> {
    const idempotencyKey = idempotencyKeyOf(request);
    const created = await forward(
      this.services,
      request,
      'debates.comment.create',
      { ...objectBody(body), resourceType, resourceId },
      idempotencyKey,
    );
    response.location(`/api/v1/comments/${created.id}`);
    return created;
  }
}
