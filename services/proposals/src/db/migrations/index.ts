import type { Migrations } from '@convergences/database';
import { createProposals } from './2026-11-27T09-00-create-proposals';
import { authorNamesAsOf } from './2026-11-27T10-00-author-names-as-of';
import { processParticipation } from './2026-12-01T09-00-process-participation';
import { proposalLifecycle } from './2026-12-01T14-00-proposal-lifecycle';

export const proposalsMigrations: Migrations = {
  '2026-11-27T09-00-create-proposals': createProposals,
  '2026-11-27T10-00-author-names-as-of': authorNamesAsOf,
  '2026-12-01T09-00-process-participation': processParticipation,
  '2026-12-01T14-00-proposal-lifecycle': proposalLifecycle,
};
