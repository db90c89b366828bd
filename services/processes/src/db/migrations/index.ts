import type { Migrations } from '@convergences/database';
import { createProcesses } from './2026-11-27T09-00-create-processes';

export const processesMigrations: Migrations = {
  '2026-11-27T09-00-create-processes': createProcesses,
};
