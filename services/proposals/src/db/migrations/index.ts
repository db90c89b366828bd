import type { Migrations } from '@convergences/database';
import { createProposals } from './2026-11-27T09-00-create-proposals';
import { authorNamesAsOf } from './2026-11-27T10-00-author-names-as-of';
import { processParticipation } from './2026-12-01T09-00-process-participation';
import { proposalLifecycle } from './2026-12-01T14-00-proposal-lifecycle';
import { proposalSearch } from './2026-12-01T14-30-proposal-search';
import { createEndorsements } from './2026-12-01T14-40-create-endorsements';
import { createSupports } from './2026-12-01T15-00-create-supports';
import { answersAndValuations } from './2026-12-01T16-00-answers-and-valuations';
import { proposalLists } from './2026-12-01T17-00-proposal-lists';
import { commentCounts } from './2026-12-02T09-00-comment-counts';
import { moderationVersion } from './2026-12-03T09-00-moderation-version';

export const proposalsMigrations: Migrations = {
  '2026-11-27T09-00-create-proposals': createProposals,
  '2026-11-27T10-00-author-names-as-of': authorNamesAsOf,
  '2026-12-01T09-00-process-participation': processParticipation,
  '2026-12-01T14-00-proposal-lifecycle': proposalLifecycle,
  '2026-12-01T14-30-proposal-search': proposalSearch,
  '2026-12-01T14-40-create-endorsements': createEndorsements,
  '2026-12-01T15-00-create-supports': createSupports,
  '2026-12-01T16-00-answers-and-valuations': answersAndValuations,
  '2026-12-01T17-00-proposal-lists': proposalLists,
  '2026-12-02T09-00-comment-counts': commentCounts,
  '2026-12-03T09-00-moderation-version': moderationVersion,
};
