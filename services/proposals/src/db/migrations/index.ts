import type { Migrations } from '@convergences/database';
import { createProposals } from './2026-11-27T09-00-create-proposals';

export const proposalsMigrations: Migrations = {
  '2026-11-27T09-00-create-proposals': createProposals,
};
