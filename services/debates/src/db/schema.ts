import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import { type AuthorTables, type ParticipationTables } from '@convergences/read-models';
import type { CommentTables } from '../comment/comment.tables';
import type { DebateTables } from '../debate/debate.tables';
import type { ActivityTables } from '../activity/activity.tables';
import type { ModerationTables } from '../moderation/moderation.tables';

/**
 * The debates schema as Kysely sees it. Each capability declares its own tables beside its code
 * (`debate/debate.tables.ts`, `comment/comment.tables.ts`, …) and adds them here.
 */
export interface DebatesDatabase
  extends
    IdempotencyTables,
    EventTables,
    AuthorTables,
    ParticipationTables,
    DebateTables,
    CommentTables,
    ModerationTables,
    ActivityTables {}
