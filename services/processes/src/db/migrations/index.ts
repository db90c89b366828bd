import type { Migrations } from '@convergences/database';
import { createProcesses } from './2026-11-27T09-00-create-processes';
import { createTerritories } from './2026-12-01T09-00-create-territories';
import { createThemes } from './2026-12-01T09-10-create-themes';
import { processFields } from './2026-12-01T09-20-process-fields';
import { createPhases } from './2026-12-01T09-30-create-phases';
import { createProcessRoles } from './2026-12-01T09-40-create-process-roles';
import { createProcessStats } from './2026-12-01T10-00-create-process-stats';
import { foldText } from './2026-12-01T10-10-fold-text';
import { createBlockChanges } from './2026-12-01T12-00-create-block-changes';
import { createStatsItems } from './2026-12-03T10-00-create-stats-items';

export const processesMigrations: Migrations = {
  '2026-11-27T09-00-create-processes': createProcesses,
  '2026-12-01T09-00-create-territories': createTerritories,
  '2026-12-01T09-10-create-themes': createThemes,
  '2026-12-01T09-20-process-fields': processFields,
  '2026-12-01T09-30-create-phases': createPhases,
  '2026-12-01T09-40-create-process-roles': createProcessRoles,
  '2026-12-01T10-00-create-process-stats': createProcessStats,
  '2026-12-01T10-10-fold-text': foldText,
  '2026-12-01T12-00-create-block-changes': createBlockChanges,
  '2026-12-03T10-00-create-stats-items': createStatsItems,
};
