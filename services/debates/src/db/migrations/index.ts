import type { Migrations } from '@convergences/database';
import { createDebates } from './2026-12-01T09-00-create-debates';
import { createComments } from './2026-12-01T10-00-create-comments';
import { createModeration } from './2026-12-01T11-00-create-moderation';

/** In the order they run: the name starts with the time it was written. */
export const debatesMigrations: Migrations = {
  '2026-12-01T09-00-create-debates': createDebates,
  '2026-12-01T10-00-create-comments': createComments,
  '2026-12-01T11-00-create-moderation': createModeration,
};
