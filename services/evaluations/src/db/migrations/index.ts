import type { Migrations } from '@convergences/database';
import { createFrameworks } from './2026-12-02T09-00-create-frameworks';

/** In the order they run: the name starts with the time it was written. */
export const evaluationsMigrations: Migrations = {
  '2026-12-02T09-00-create-frameworks': createFrameworks,
};
