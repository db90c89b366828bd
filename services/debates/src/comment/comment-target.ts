import type { CommentableType } from '@convergences/contracts';

/**
 * A resource that can be commented on, as the comments capability needs it: where it lives and
 * whether it takes comments now. Each kind of resource answers it (debates from their table,
 * proposals from their count row, learnt from the proposals service).
 */
export interface CommentTarget {
  resourceType: CommentableType;
  resourceId: string;
  /** The process the resource belongs to: its phase rules and its visibility apply. */
  processId: string;
  /** Whether comments on it take an alignment (for / neutral / against): debates do. */
  alignmentEnabled: boolean;
  /**
   * Why it takes no new comment now (a problem code), or `null` when it does: a closed debate
   * (`debate_closed`), a time-boxed one outside its window (`debate_not_open`). Hidden content is
   * not a target at all: it is `not_found`.
   */
  refusal: { code: 'debate_closed' | 'debate_not_open'; message: string } | null;
  /** Whether the active phase shows comments (`comments.enabled`); between phases they are shown. */
  shown: boolean;
  /** Its listed top-level comments: the length of the first level of its thread. */
  threads: number;
}
