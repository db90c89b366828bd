import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import {
  BooleanInput,
  Form,
  NumberInput,
  SaveButton,
  SelectInput,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { submissionErrorsOf } from '../common';
import type { Process, Proposal, ProposalAnswer } from '../types';
import { builtInAnswerStates, useAnswerStateLabel, useAnswerStates } from './answerStates';
import { formValuesOfAnswer, toAnswerInput, validateAnswer, type AnswerFormValues } from './answerFormValues';
import { useProposalMutation } from './useProposalMutation';

const half = { flex: '1 1 300px' } as const;

/** The cost inputs, shown for an acceptance (required there when the process states costs). */
const CostInputs = ({ answersWithCosts }: { answersWithCosts: boolean }) => {
  const state = useWatch<AnswerFormValues, 'state'>({ name: 'state' });
  if (state !== 'accepted' && !answersWithCosts) return null;
  const required = state === 'accepted' && answersWithCosts;
  return (
    <>
      <NumberInput
        source="costEuros"
        label="app.answer.fields.costEuros"
        helperText="app.answer.costHint"
        step={0.01}
        min={0}
        isRequired={required}
        sx={half}
      />
      <TextInput
        source="executionPeriod"
        label="app.answer.fields.executionPeriod"
        helperText="app.answer.periodHint"
        isRequired={required}
        sx={half}
      />
      <TextInput
        source="costReport.fr"
        label="app.answer.fields.costReport_fr"
        multiline
        minRows={2}
        isRequired={required}
        sx={half}
      />
      <TextInput source="costReport.en" label="app.answer.fields.costReport_en" multiline minRows={2} sx={half} />
    </>
  );
};

/** `admin` answers and may publish at once; `valuator` drafts an answer that stays held. */
export type Answerer = 'admin' | 'valuator';

/**
 * The official answer of a proposal (`PUT /proposals/{id}/answer`), checked as one types against
 * the contract's rules and the process's `answersWithCosts`; an admin publishes it now or holds
 * it, a valuator's is always held (the API refuses `publish` from a valuator).
 */
export const AnswerForm = ({
  proposal,
  answer,
  answerer = 'admin',
}: {
  proposal: Proposal;
  answer: ProposalAnswer | null;
  answerer?: Answerer;
}) => {
  const translate = useTranslate();
  const stateLabel = useAnswerStateLabel();
  const { data: process } = useGetOne<Process>('processes', { id: proposal.processId });
  const { data: customStates } = useAnswerStates(proposal.processId);
  const answersWithCosts = !!process?.settings.answersWithCosts;
  const save = useProposalMutation(
    (dataProvider, values: AnswerFormValues) => dataProvider.answerProposal(proposal.id, toAnswerInput(values)),
    ({ data }) => ({
      message: data.answer?.publishedAt
        ? 'app.answer.publishedNotice'
        : answerer === 'valuator'
          ? 'app.answer.draftedNotice'
          : 'app.answer.heldNotice',
    }),
  );
  const choices = useMemo(
    () => [
      ...builtInAnswerStates.map((key) => ({ id: key, name: stateLabel(key) })),
      ...(customStates ?? []).map((state) => ({ id: state.key, name: stateLabel(state.key, customStates) })),
    ],
    [customStates, stateLabel],
  );
  const drafting = answerer === 'valuator';
  const record = useMemo(() => ({ ...formValuesOfAnswer(answer), publish: !drafting }), [answer, drafting]);

  const submit = async (values: Partial<AnswerFormValues>) => {
    try {
      await save.mutateAsync(values as AnswerFormValues);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };

  if (proposal.state === 'withdrawn') {
    return <Alert severity="info">{translate('app.answer.withdrawn')}</Alert>;
  }
  return (
    <Form
      key={`${proposal.id}-${answer?.answeredAt ?? 'none'}`}
      record={record}
      onSubmit={submit}
      validate={(values) => validateAnswer(values as AnswerFormValues, answersWithCosts)}
      mode="onChange"
      reValidateMode="onChange"
      noValidate
    >
      <Box component="section" aria-label={translate('app.answer.section')}>
        {answersWithCosts ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.answer.costsIntro')}
          </Typography>
        ) : null}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
          <SelectInput source="state" label="app.answer.fields.state" choices={choices} isRequired sx={half} />
          <Box sx={half} />
          <TextInput source="body.fr" label="app.answer.fields.body_fr" multiline minRows={3} sx={half} />
          <TextInput source="body.en" label="app.answer.fields.body_en" multiline minRows={3} sx={half} />
          <CostInputs answersWithCosts={answersWithCosts} />
        </Box>
        {drafting ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.answer.draftHint')}
          </Typography>
        ) : (
          <BooleanInput source="publish" label="app.answer.fields.publish" helperText="app.answer.publishHint" />
        )}
        <SaveButton label={drafting ? 'app.answer.saveDraft' : 'app.answer.save'} icon={<SendIcon />} />
      </Box>
    </Form>
  );
};
