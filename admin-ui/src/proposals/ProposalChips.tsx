import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import { recordChip } from '../common';
import type { Proposal } from '../types';
import { useAnswerStateLabel, useAnswerStates } from './answerStates';

const stateColours = { draft: 'default', published: 'success', withdrawn: 'warning' } as const;

export const ProposalStateChip = recordChip<Proposal>((proposal) => ({
  label: `app.proposal.state.${proposal.state}`,
  fallback: proposal.state,
  color: stateColours[proposal.state] ?? 'default',
}));

const answerColours: Record<string, 'info' | 'success' | 'error'> = {
  evaluating: 'info',
  accepted: 'success',
  rejected: 'error',
};

/** The answer's state, "held" while not published; the process's own states in their colour. */
export const AnswerStateChip = (props: Partial<FieldProps<Proposal>>) => {
  const record = useRecordContext<Proposal>(props);
  const translate = useTranslate();
  const stateLabel = useAnswerStateLabel();
  const answer = record?.answer;
  const custom = !!answer && !answerColours[answer.state];
  const { data: states } = useAnswerStates(custom ? record?.processId : undefined);
  if (!record) return null;
  if (!answer) {
    return <Chip size="small" variant="outlined" label={translate('app.answer.none')} />;
  }
  const colour = states?.find((state) => state.key === answer.state)?.colour;
  const label = stateLabel(answer.state, states);
  return (
    <Chip
      size="small"
      color={answerColours[answer.state] ?? 'default'}
      variant={answer.publishedAt ? 'filled' : 'outlined'}
      label={answer.publishedAt ? label : translate('app.answer.heldLabel', { state: label })}
      sx={
        colour ? { borderColor: colour, ...(answer.publishedAt ? { bgcolor: colour, color: '#fff' } : {}) } : undefined
      }
    />
  );
};
