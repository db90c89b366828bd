import { z } from 'zod';
import { localeSchema } from '../actor';
import { listQuerySchema } from '../pagination';

/** What can be commented on. */
export const commentableTypeSchema = z.enum(['proposal', 'debate']);
export type CommentableType = z.infer<typeof commentableTypeSchema>;

/** Well under the gateway's 100 kB body limit, so an over-long comment is a clear 400, not a 413. */
export const COMMENT_MAX_LENGTH = 10_000;
export const commentBodySchema = z.string().trim().min(1).max(COMMENT_MAX_LENGTH);

/** Threads go three deep: a reply to a third-level comment is attached at the third level. */
export const MAX_COMMENT_DEPTH = 3;

/** Where the resource takes it (debates do): `1` for, `0` neutral, `-1` against. */
export const alignmentSchema = z.union([z.literal(-1), z.literal(0), z.literal(1)], {
  error: 'must be 1 (for), 0 (neutral) or -1 (against)',
});
export type Alignment = z.infer<typeof alignmentSchema>;

export const commentVoteValueSchema = z.enum(['up', 'down']);
export type CommentVoteValue = z.infer<typeof commentVoteValueSchema>;

const datetime = z.iso.datetime({ offset: true });

export const commentSchema = z.object({
  id: z.uuid(),
  resourceType: commentableTypeSchema,
  resourceId: z.uuid(),
  /** The comment it sits under in the thread (`null` at the top level). */
  parentId: z.uuid().nullable(),
  /** The comment it answers, when that is not its parent (a reply to a third-level comment). */
  replyToId: z.uuid().nullable(),
  depth: z.number().int().min(1).max(MAX_COMMENT_DEPTH),
  /** `null` once deleted: a deleted comment keeps its place, without its author or text. */
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string().nullable(),
  locale: localeSchema,
  /** Top-level comments on a resource that takes alignments; `null` otherwise. */
  alignment: alignmentSchema.nullable(),
  upvotes: z.number().int().min(0),
  downvotes: z.number().int().min(0),
  /** The caller's own vote; `null` when they have none or are not signed in. */
  myVote: commentVoteValueSchema.nullable(),
  /** Replies directly under it (deleted ones included: they keep their place). */
  repliesCount: z.number().int().min(0),
  edited: z.boolean(),
  deleted: z.boolean(),
  createdAt: datetime,
  editedAt: datetime.nullable(),
  deletedAt: datetime.nullable(),
});
export type Comment = z.infer<typeof commentSchema>;

/** A comment with its first replies, and theirs: threads are three deep at most, so this is the whole shape. */
export const commentThreadSchema = commentSchema.extend({
  replies: z.array(commentSchema.extend({ replies: z.array(commentSchema) })),
});
export type CommentThread = Comment & { replies: (Comment & { replies: Comment[] })[] };

/** The top level's order (replies are always oldest first, as a conversation reads). */
export const commentSorts = ['oldest', 'recent', 'bestRated', 'mostDiscussed'] as const;
export type CommentSort = (typeof commentSorts)[number];

export const commentListQuerySchema = listQuerySchema(commentSorts, 'oldest').extend({
  resourceType: commentableTypeSchema,
  resourceId: z.uuid(),
  /** Pages the replies of this comment instead of the top level. */
  parentId: z.uuid().optional(),
  /** How many first replies come with each comment, at each level. */
  replies: z.coerce.number().int().min(0).max(10).default(3),
});
export type CommentListQuery = z.infer<typeof commentListQuerySchema>;

export const createCommentBodySchema = z.strictObject({
  body: commentBodySchema,
  /** The comment answered; it must belong to the same resource. */
  parentId: z.uuid().optional(),
  alignment: alignmentSchema.optional(),
  locale: localeSchema.optional(),
});
export const createCommentRequestSchema = createCommentBodySchema.extend({
  resourceType: commentableTypeSchema,
  resourceId: z.uuid(),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequestSchema>;

export const updateCommentBodySchema = z.strictObject({ body: commentBodySchema });
export const updateCommentRequestSchema = updateCommentBodySchema.extend({ id: z.uuid() });

export const commentIdSchema = z.strictObject({ id: z.uuid() });

export const voteCommentBodySchema = z.strictObject({ value: commentVoteValueSchema });
export const voteCommentRequestSchema = voteCommentBodySchema.extend({ id: z.uuid() });

/** A comment's votes after the caller voted or took their vote back. */
export const commentVotesSchema = z.object({
  commentId: z.uuid(),
  upvotes: z.number().int().min(0),
  downvotes: z.number().int().min(0),
  myVote: commentVoteValueSchema.nullable(),
});
export type CommentVotes = z.infer<typeof commentVotesSchema>;

/**
 * How many comments a resource shows now (deleted and hidden ones left out; 0 while the resource
 * is hidden), and when the last of them was written. `version` grows with every change of the
 * count: a consumer keeps the highest it has seen, whatever order events arrive in.
 */
export const commentCountChangedSchema = z.object({
  resourceType: commentableTypeSchema,
  resourceId: z.uuid(),
  processId: z.uuid().nullable(),
  count: z.number().int().min(0),
  lastCommentAt: datetime.nullable(),
  version: z.number().int().min(1),
});
export type CommentCountChanged = z.infer<typeof commentCountChangedSchema>;
