import type { Migrations } from '@convergences/database';
import { createProposals } from './2026-11-27T09-00-create-proposals';
import { authorNamesAsOf } from './2026-11-27T10-00-author-names-as-of';

export const proposalsMigrations: Migrations = {
  '2026-11-27T09-00-create-proposals': createProposals,
  '2026-11-27T10-00-author-names-as-of': authorNamesAsOf,
};
