import { List, ListItem, ListItemText } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { AnswerState, Proposal, ProposalAnswer } from '../types';
import { useAnswerStateLabel } from './answerStates';
import { historyOf } from './proposalHistory';

/** The proposal's timeline, built from its timestamps. */
export const ProposalHistory = ({
  proposal,
  answer,
  states,
}: {
  proposal: Proposal;
  answer: ProposalAnswer | null;
  states?: AnswerState[];
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const stateLabel = useAnswerStateLabel();
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <List dense aria-label={translate('app.proposal.history.title')}>
      {historyOf(proposal, answer).map((event) => (
        <ListItem key={event.kind} disableGutters>
          <ListItemText
            primary={translate(`app.proposal.history.${event.kind}`, {
              state: event.state ? stateLabel(event.state, states) : '',
            })}
            secondary={format.format(new Date(event.at))}
          />
        </ListItem>
      ))}
    </List>
  );
};
