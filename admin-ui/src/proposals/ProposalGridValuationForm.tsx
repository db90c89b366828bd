import type { FrameworkValuation } from '@convergences/contracts';
import CloseIcon from '@mui/icons-material/Close';
import RuleIcon from '@mui/icons-material/Rule';
import { Box, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { problemMessage, useMe } from '../common';
import { AnswerSheet, useAnsweredFramework, valuationApi } from '../evaluations/assessment';
import type { Proposal } from '../types';
import { useValuation } from './useValuation';

/** The valuation being written, with the framework version it answers. */
const ValuationSheet = ({
  valuation,
  onSaved,
}: {
  valuation: FrameworkValuation;
  onSaved: (saved: FrameworkValuation) => void;
}) => {
  const translate = useTranslate();
  const framework = useAnsweredFramework(valuation.frameworkId);
  if (framework.error) return <Typography color="error">{translate(problemMessage(framework.error))}</Typography>;
  if (!framework.data) return <LinearProgress />;
  return (
    <AnswerSheet
      key={valuation.id}
      framework={framework.data}
      assessment={valuation}
      endpoints={valuationApi.endpoints(valuation.id)}
      writable
      recommendations={{ label: 'app.evaluation.assess.summary', hint: 'app.evaluation.assess.summaryHint' }}
      onSaved={onSaved}
    />
  );
};

/**
 * An assigned valuator values the proposal with the grille its process chose, criterion by
 * criterion as campaigns' assessments are written: `POST /proposals/{id}/valuations` finds or
 * starts their draft, saved and submitted through `/proposal-valuations/{id}`.
 */
export const ProposalGridValuationForm = ({
  proposal,
  valuations,
}: {
  proposal: Proposal;
  /** The proposal's valuations the caller reads: theirs among them, once begun. */
  valuations: FrameworkValuation[];
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { me } = useMe();
  const valuation = useValuation(proposal.id);
  const [open, setOpen] = useState<FrameworkValuation | undefined>();
  const start = useMutation({
    mutationFn: () => valuationApi.start(String(proposal.id)),
    onSuccess: (started) => setOpen(started),
    onError: (error) => notify(problemMessage(error), { type: 'error' }),
  });
  const assigned = !!me && !!valuation.data?.valuators.some((valuator) => valuator.personId === me.id);
  if (!assigned) return null;
  if (!open) {
    const own = valuations.find((item) => item.authorId === me.id);
    const label = !own
      ? 'app.evaluation.assess.valuation.start'
      : own.status === 'submitted'
        ? 'app.evaluation.assess.valuation.read'
        : 'app.evaluation.assess.valuation.resume';
    return (
      <Box>
        <Button label={label} variant="contained" disabled={start.isPending} onClick={() => start.mutate()}>
          <RuleIcon />
        </Button>
      </Box>
    );
  }
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="grid-valuation-form">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {translate('app.evaluation.assess.valuation.title')}
        </Typography>
        <Button label="app.evaluation.assess.valuation.close" onClick={() => setOpen(undefined)}>
          <CloseIcon />
        </Button>
      </Stack>
      <ValuationSheet
        valuation={open}
        onSaved={() => void queryClient.invalidateQueries({ queryKey: ['proposals', proposal.id, 'grid-valuations'] })}
      />
    </Paper>
  );
};
