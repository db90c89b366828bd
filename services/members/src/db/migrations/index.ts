import type { Migrations } from '@convergences/database';
import { createPeople } from './2026-11-27T09-00-create-people';

export const membersMigrations: Migrations = {
  '2026-11-27T09-00-create-people': createPeople,
};
