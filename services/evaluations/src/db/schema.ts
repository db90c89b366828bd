import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { AuthorTables } from '@convergences/read-models';
import type { CampaignTables } from '../campaign/campaign.tables';
import type { FrameworkTables } from '../framework/framework.tables';

/**
 * The evaluations schema as Kysely sees it. Each capability declares its own tables beside its
 * code (`framework/framework.tables.ts`, …) and adds them here.
 */
export interface EvaluationsDatabase
  extends IdempotencyTables, EventTables, FrameworkTables, CampaignTables, AuthorTables {}
