import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  commentIdSchema,
  commentListQuerySchema,
  commentSchema,
  commentThreadSchema,
  commentVotesSchema,
  createCommentRequestSchema,
  updateCommentRequestSchema,
  voteCommentRequestSchema,
} from './comment';
import {
  closeDebateRequestSchema,
  createDebateRequestSchema,
  debateIdSchema,
  debateListQuerySchema,
  debateSchema,
  updateDebateRequestSchema,
} from './debate';

/** Messages of the debates service. */
export const debatesMessages = {
  /** A participant's debate when the phase opens debates, or (`official`) one of the process's admins'. */
  'debates.debate.create': { request: createDebateRequestSchema, response: debateSchema },
  'debates.debate.list': { request: debateListQuerySchema, response: pageSchema(debateSchema) },
  'debates.debate.get': { request: debateIdSchema, response: debateSchema },
  /** Its author (a participant's debate) or the process's admins (an official one), while open. */
  'debates.debate.update': { request: updateDebateRequestSchema, response: debateSchema },
  /** Its author or the process's admins close it with conclusions (again: the conclusions are amended). */
  'debates.debate.close': { request: closeDebateRequestSchema, response: debateSchema },
  /** The process's admins reopen a closed debate. */
  'debates.debate.reopen': { request: debateIdSchema, response: debateSchema },
  /** A page of a resource's top-level comments (or of one comment's replies), each with its first replies. */
  'debates.comment.list': { request: commentListQuerySchema, response: pageSchema(commentThreadSchema) },
  'debates.comment.create': { request: createCommentRequestSchema, response: commentSchema },
  /** Its author edits the text: the comment shows as edited. */
  'debates.comment.update': { request: updateCommentRequestSchema, response: commentSchema },
  /** Its author deletes it: it keeps its place in the thread, without text. */
  'debates.comment.delete': { request: commentIdSchema, response: commentSchema },
  /** Up or down, one vote per person: voting the other way replaces it. */
  'debates.comment.vote': { request: voteCommentRequestSchema, response: commentVotesSchema },
  /** Takes the caller's vote back (none to take back is no error). */
  'debates.comment.unvote': { request: commentIdSchema, response: commentVotesSchema },
} as const satisfies Record<string, MessageContract>;
