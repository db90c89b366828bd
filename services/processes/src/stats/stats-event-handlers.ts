import { CommentsStatsHandler } from './comments-stats.handler';
import { ContentModeratedStatsHandler } from './content-moderated-stats.handler';
import { DebatesStatsHandler } from './debates-stats.handler';
import { ProposalsStatsHandler } from './proposals-stats.handler';
import { SupportsGivenStatsHandler } from './supports-given-stats.handler';
import { SupportsWithdrawnStatsHandler } from './supports-withdrawn-stats.handler';

/** The consumers that keep the process statistics, one per event type. */
export const statsEventHandlers = [
  ProposalsStatsHandler,
  SupportsGivenStatsHandler,
  SupportsWithdrawnStatsHandler,
  DebatesStatsHandler,
  CommentsStatsHandler,
  ContentModeratedStatsHandler,
];
