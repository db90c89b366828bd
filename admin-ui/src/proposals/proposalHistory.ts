import type { Proposal, ProposalAnswer } from '../types';

export type HistoryEventKind = 'created' | 'published' | 'answered' | 'answerPublished' | 'withdrawn';

export interface HistoryEvent {
  kind: HistoryEventKind;
  at: string;
  /** The answer's state, for `answered` and `answerPublished`. */
  state?: string;
}

/**
 * A proposal's history, from its own timestamps (the API exposes no event log): created,
 * published, answered, answer published, withdrawn, oldest first. `answer` is the one the admins
 * see, held or not. The last answer only: an answer given again replaces the former one.
 */
export function historyOf(proposal: Proposal, answer: ProposalAnswer | null = proposal.answer): HistoryEvent[] {
  const events: HistoryEvent[] = [{ kind: 'created', at: proposal.createdAt }];
  if (proposal.publishedAt) events.push({ kind: 'published', at: proposal.publishedAt });
  if (answer) {
    events.push({ kind: 'answered', at: answer.answeredAt, state: answer.state });
    if (answer.publishedAt) events.push({ kind: 'answerPublished', at: answer.publishedAt, state: answer.state });
  }
  if (proposal.withdrawnAt) events.push({ kind: 'withdrawn', at: proposal.withdrawnAt });
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
