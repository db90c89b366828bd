import { Alert, Stack, Typography } from '@mui/material';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import type { Proposal } from '../types';
import { AnswerForm, type Answerer } from './AnswerForm';
import { AnswerStateChip } from './ProposalChips';
import { WithValuation } from './WithValuation';

/**
 * The proposal's answer as it stands (held or published) and the form to give it: an admin
 * answers and publishes; a valuator drafts a held answer, until the answer is published.
 */
export const ProposalAnswerPanel = ({ answerer }: { answerer: Answerer; label?: false }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  return (
    <WithValuation>
      {({ proposal }) => (
        <Stack sx={{ gap: 2, width: '100%' }}>
          <Labeled label="app.answer.current" sx={{ alignItems: 'flex-start' }}>
            <AnswerStateChip record={proposal} />
          </Labeled>
          {answerer === 'admin' && proposal.answer && !proposal.answer.publishedAt ? (
            <Alert severity="info">{translate('app.answer.heldIntro')}</Alert>
          ) : null}
          {answerer === 'valuator' && proposal.answer?.publishedAt ? (
            <Alert severity="info">{translate('app.answer.publishedForValuator')}</Alert>
          ) : (
            <>
              <Typography variant="h6" component="h2">
                {translate(titleOf(answerer, !!proposal.answer))}
              </Typography>
              <AnswerForm proposal={record!} answer={proposal.answer} answerer={answerer} />
            </>
          )}
        </Stack>
      )}
    </WithValuation>
  );
};

function titleOf(answerer: Answerer, answered: boolean): string {
  if (answerer === 'valuator') return answered ? 'app.answer.changeDraftTitle' : 'app.answer.draftTitle';
  return answered ? 'app.answer.changeTitle' : 'app.answer.giveTitle';
}
