import type { Migrations } from '@convergences/database';
import { createFrameworks } from './2026-12-02T09-00-create-frameworks';
import { createCampaigns } from './2026-12-03T09-00-create-campaigns';

/** In the order they run: the name starts with the time it was written. */
export const evaluationsMigrations: Migrations = {
  '2026-12-02T09-00-create-frameworks': createFrameworks,
  '2026-12-03T09-00-create-campaigns': createCampaigns,
};
