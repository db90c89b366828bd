import type { Debate } from '@convergences/contracts';
import { recordChip } from '../common';

/** Open (green) or closed with its conclusions (grey). */
export const DebateStateChip = recordChip<Debate>((debate) => ({
  label: `app.debate.state.${debate.state}`,
  fallback: debate.state,
  color: debate.state === 'open' ? 'success' : 'default',
}));

/** Official (opened by the process's admins in the organiser's name) or a participant's. */
export const DebateOriginChip = recordChip<Debate>((debate) => ({
  label: debate.official ? 'app.debate.origin.official' : 'app.debate.origin.participant',
  color: debate.official ? 'primary' : 'default',
  variant: 'outlined',
}));
