import AddIcon from '@mui/icons-material/Add';
import { Box, Chip, Stack, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { QueryList, useTranslatedText } from '../../common';
import type { Phase, PhaseRules, Process } from '../../types';
import { ActivatePhaseButton, DeletePhaseButton, EditPhaseButton } from './PhaseButtons';
import { PhaseDialog } from './PhaseDialog';
import { usePhases } from './usePhases';

/** What a phase opens, as the short labels of its summary. */
export function openedBy(rules: PhaseRules): string[] {
  const opened: string[] = [];
  if (rules.proposals.creationEnabled) opened.push('proposalCreation');
  if (rules.proposals.supportsEnabled) {
    opened.push(rules.proposals.supportsBlocked ? 'supportsFrozen' : 'supports');
    if (rules.proposals.supportsHidden) opened.push('supportsHidden');
  }
  if (rules.proposals.endorsementsEnabled) opened.push('endorsements');
  if (rules.proposals.answersPublished) opened.push('answersPublished');
  if (rules.debates.creationEnabled) opened.push('debateCreation');
  if (rules.comments.enabled) opened.push(rules.comments.blocked ? 'commentsFrozen' : 'comments');
  return opened;
}

const PhaseDates = ({ phase }: { phase: Phase }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const from = phase.startsAt ? format.format(new Date(phase.startsAt)) : undefined;
  const to = phase.endsAt ? format.format(new Date(phase.endsAt)) : undefined;
  const text =
    from && to
      ? translate('app.phase.fromTo', { from, to })
      : from
        ? translate('app.phase.from', { from })
        : to
          ? translate('app.phase.until', { to })
          : translate('app.phase.noDates');
  return (
    <Typography variant="caption" color="text.secondary">
      {text}
      {phase.autoActivate && !phase.activatedAt ? ` · ${translate('app.phase.scheduled')}` : ''}
    </Typography>
  );
};

const PhaseSummary = ({ phase }: { phase: Phase }) => {
  const translate = useTranslate();
  const opened = openedBy(phase.rules);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', my: 1 }}>
      {opened.length === 0 ? (
        <Chip size="small" variant="outlined" label={translate('app.phase.summary.nothing')} />
      ) : (
        opened.map((key) => (
          <Chip
            key={key}
            size="small"
            variant="outlined"
            color="primary"
            label={translate(`app.phase.summary.${key}`)}
          />
        ))
      )}
    </Stack>
  );
};

/**
 * The process's phases on a vertical timeline, in their order, with the active one marked:
 * each shows its dates and what it opens, and can be edited, deleted or activated.
 */
export const PhaseTimeline = () => {
  const process = useRecordContext<Process>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const { data: phases, isPending, error } = usePhases(process?.id);
  const [adding, setAdding] = useState(false);
  if (!process) return null;

  const closed = process.status === 'closed';
  const activeIndex = phases?.findIndex((phase) => phase.active) ?? -1;

  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.phase.intro')}
        </Typography>
        <Button label="app.phase.add" onClick={() => setAdding(true)} disabled={closed} variant="outlined">
          <AddIcon />
        </Button>
      </Box>
      <QueryList
        items={phases}
        isPending={isPending}
        error={error}
        unavailable="app.phase.unavailable"
        none="app.phase.none"
      >
        {(phases) => (
          <Stepper
            orientation="vertical"
            nonLinear
            activeStep={activeIndex}
            aria-label={translate('app.phase.timeline')}
          >
            {phases.map((phase, index) => {
              const title = pick(phase.title);
              return (
                <Step
                  key={phase.id}
                  aria-label={title}
                  data-active={phase.active}
                  completed={activeIndex >= 0 && index < activeIndex}
                  expanded
                >
                  <StepLabel optional={<PhaseDates phase={phase} />}>
                    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
                      <Typography component="span" variant="subtitle1" sx={{ fontWeight: phase.active ? 600 : 400 }}>
                        {translate('app.phase.numbered', { position: phase.position, title })}
                      </Typography>
                      {phase.active ? (
                        <Chip size="small" color="success" label={translate('app.phase.active')} />
                      ) : null}
                    </Box>
                  </StepLabel>
                  <StepContent>
                    {phase.description ? (
                      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                        {pick(phase.description)}
                      </Typography>
                    ) : null}
                    <PhaseSummary phase={phase} />
                    <Stack direction="row" spacing={1}>
                      <ActivatePhaseButton phase={phase} disabled={closed} />
                      <EditPhaseButton phase={phase} disabled={closed} />
                      <DeletePhaseButton phase={phase} disabled={closed} />
                    </Stack>
                  </StepContent>
                </Step>
              );
            })}
          </Stepper>
        )}
      </QueryList>
      {adding ? <PhaseDialog processId={process.id} onClose={() => setAdding(false)} /> : null}
    </Box>
  );
};
