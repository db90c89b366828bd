import type { Assessment, Framework } from '@convergences/contracts';
import { MAX_NARRATIVE_LENGTH } from '@convergences/contracts';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Alert, AlertTitle, Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, useNotify, useTranslate } from 'react-admin';
import { ConfirmButton, LocaleDateField, problemMessage, submissionErrorsOf, useTranslatedText } from '../../common';
import {
  answersToSend,
  criteriaOf,
  type CriterionDraft,
  type Drafts,
  draftsOf,
  hasProblems,
  type MissingParts,
  missingPartsOf,
  noProblems,
  problemsOf,
  type SheetProblems,
} from './answerDrafts';
import { problemOf } from '../frameworkApi';
import { type AnswerEndpoints, missingOf, type SaveAnswersBody } from './assessmentApi';
import { CriterionAnswer } from './CriterionAnswer';
import { useMessage } from './IndicatorInput';

export interface AnswerSheetProps<Saved extends Assessment> {
  framework: Framework;
  /** The assessment as last read; the sheet follows its own saves from then on. */
  assessment: Saved;
  endpoints: AnswerEndpoints<Saved>;
  /** Whether the caller writes it (their role, the campaign's window); a submitted one is read-only anyway. */
  writable: boolean;
  /** The committee's recommendations, a valuator's summary: the label and hint keys of their text. */
  recommendations?: { label: string; hint: string };
  /** Called with the assessment each save or submit answers. */
  onSaved?: (saved: Saved) => void;
  /** Why a draft is read-only here, with its translation options (by default: the caller does not write it). */
  readOnlyNotice?: { message: string; args?: Record<string, unknown> };
}

/** A part of a criterion's answer changed: its problems and what was missing go with the change. */
function clearPart(
  problems: SheetProblems,
  missing: Record<string, MissingParts>,
  criterionId: string,
  part: 'narrative' | 'evidence' | { indicatorId: string },
): [SheetProblems, Record<string, MissingParts>] {
  const criterionProblems = { ...problems.criteria[criterionId] };
  const gap = missing[criterionId] ? { ...missing[criterionId] } : undefined;
  if (part === 'narrative') {
    delete criterionProblems.narrative;
    if (gap) gap.narrative = false;
  } else if (part === 'evidence') {
    delete criterionProblems.evidence;
    delete criterionProblems.evidenceRows;
  } else {
    if (criterionProblems.indicators) {
      const { [part.indicatorId]: _cleared, ...others } = criterionProblems.indicators;
      criterionProblems.indicators = others;
    }
    if (gap) gap.indicators = gap.indicators.filter((id) => id !== part.indicatorId);
  }
  const criteria = { ...problems.criteria, [criterionId]: criterionProblems };
  const gaps = { ...missing };
  if (gap) {
    if (gap.narrative || gap.indicators.length > 0) gaps[criterionId] = gap;
    else delete gaps[criterionId];
  }
  return [{ ...problems, criteria }, gaps];
}

/**
 * The answers of an assessment, dimension by dimension and criterion by criterion, as its writers
 * fill them in: saved as a draft (only the criteria touched), then submitted once complete — the
 * API names what is missing — after which it is read-only for good.
 */
export function AnswerSheet<Saved extends Assessment>({
  framework,
  assessment,
  endpoints,
  writable,
  recommendations,
  onSaved,
  readOnlyNotice = { message: 'app.evaluation.assess.readOnlyDraft' },
}: AnswerSheetProps<Saved>) {
  const translate = useTranslate();
  const notify = useNotify();
  const pick = useTranslatedText();
  const message = useMessage();
  const [saved, setSaved] = useState<Saved>(assessment);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(framework, assessment.answers));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState(assessment.recommendations ?? '');
  const [summaryTouched, setSummaryTouched] = useState(false);
  const [problems, setProblems] = useState<SheetProblems>(noProblems);
  const [missing, setMissing] = useState<Record<string, MissingParts>>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const submitted = saved.status === 'submitted';
  const readOnly = submitted || !writable || pending;
  const dirty = touched.size > 0 || summaryTouched;
  const criteria = criteriaOf(framework);

  const apply = (result: Saved) => {
    setSaved(result);
    setDrafts(draftsOf(framework, result.answers));
    setTouched(new Set());
    setSummary(result.recommendations ?? '');
    setSummaryTouched(false);
    setProblems(noProblems());
    setRefusal(undefined);
    onSaved?.(result);
  };

  const change = (criterionId: string, draft: CriterionDraft, part: Parameters<typeof clearPart>[3]) => {
    setDrafts((current) => ({ ...current, [criterionId]: draft }));
    setTouched((current) => new Set(current).add(criterionId));
    const [nextProblems, nextMissing] = clearPart(problems, missing, criterionId, part);
    setProblems(nextProblems);
    setMissing(nextMissing);
  };

  /** A refusal to show at the top; once someone else submitted it, the sheet shows what they submitted. */
  const refused = async (error: unknown) => {
    notify(problemMessage(error), { type: 'error' });
    if (problemOf(error)?.code === 'assessment_submitted') {
      try {
        apply(await endpoints.get());
      } catch {
        // the refusal says enough
      }
    }
    setRefusal(problemMessage(error));
  };

  /** Saves what changed; whether it went through (or there was nothing to save). */
  const save = async (): Promise<boolean> => {
    const { answers, sent, problems: found } = answersToSend(framework, drafts, touched);
    if (hasProblems(found)) {
      setProblems(found);
      return false;
    }
    if (answers.length === 0 && !summaryTouched) return true;
    // Recommendations alone still name a criterion: one with no part given changes nothing.
    const body: SaveAnswersBody = {
      answers: answers.length > 0 ? answers : [{ criterionId: criteria[0].id }],
      ...(recommendations && summaryTouched ? { recommendations: summary.trim() === '' ? null : summary.trim() } : {}),
    };
    try {
      apply(await endpoints.save(body));
      return true;
    } catch (error) {
      const fieldErrors = error instanceof HttpError && error.status === 400 ? submissionErrorsOf(error) : undefined;
      if (fieldErrors) {
        setProblems(problemsOf(fieldErrors, answers.length > 0 ? sent : []));
        notify(problemMessage(error), { type: 'error' });
      } else await refused(error);
      return false;
    }
  };

  const saveDraft = async () => {
    setPending(true);
    try {
      if (await save()) notify('app.evaluation.assess.savedNotice', { type: 'success' });
    } finally {
      setPending(false);
    }
  };

  const submit = async (settled: () => void) => {
    setPending(true);
    try {
      // What is on screen is what is submitted: unsaved changes are saved first.
      if (!(await save())) return;
      const result = await endpoints.submit();
      apply(result);
      setMissing({});
      notify('app.evaluation.assess.submittedNotice', { type: 'success' });
    } catch (error) {
      const gaps = missingOf(error);
      if (gaps) {
        setMissing(missingPartsOf(gaps));
        notify('app.evaluation.assess.missingNotice', { type: 'warning' });
      } else await refused(error);
    } finally {
      setPending(false);
      settled();
    }
  };

  const missingCriteria = criteria.filter((criterion) => missing[criterion.id]);
  const indicatorTitle = (criterionId: string, indicatorId: string) => {
    const indicator = criteria.find((c) => c.id === criterionId)?.indicators.find((i) => i.id === indicatorId);
    return indicator ? `« ${pick(indicator.title)} »` : indicatorId;
  };

  return (
    <Stack sx={{ gap: 2 }} data-testid="answer-sheet" data-status={saved.status}>
      {submitted ? (
        <Alert severity="success" data-testid="submitted">
          {translate('app.evaluation.assess.submittedOn')}{' '}
          <LocaleDateField record={saved} source="submittedAt" showTime />
        </Alert>
      ) : null}
      {!submitted && !writable ? (
        <Alert severity="info">{translate(readOnlyNotice.message, readOnlyNotice.args)}</Alert>
      ) : null}
      {refusal ? (
        <Alert severity="error" data-testid="refusal" onClose={() => setRefusal(undefined)}>
          {refusal}
        </Alert>
      ) : null}
      {missingCriteria.length > 0 ? (
        <Alert severity="warning" data-testid="missing-answers">
          <AlertTitle>{translate('app.evaluation.assess.missingTitle')}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {missingCriteria.map((criterion) => {
              const gap = missing[criterion.id];
              const parts = [
                ...(gap.narrative ? [translate('app.evaluation.assess.missingNarrative')] : []),
                ...gap.indicators.map((indicatorId) => indicatorTitle(criterion.id, indicatorId)),
              ];
              return (
                <li key={criterion.id}>
                  {pick(criterion.title)} : {parts.join(', ')}
                </li>
              );
            })}
          </Box>
        </Alert>
      ) : null}
      {problems.general.length > 0 ? (
        <Alert severity="error">{problems.general.map((text) => message(text)).join(' ')}</Alert>
      ) : null}
      {framework.dimensions.map((dimension) => (
        <Box component="section" key={dimension.id} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box>
            <Typography variant="h6" component="h2">
              {pick(dimension.title)}
            </Typography>
            {dimension.description ? (
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                {pick(dimension.description)}
              </Typography>
            ) : null}
          </Box>
          {dimension.criteria.map((criterion) => (
            <CriterionAnswer
              key={criterion.id}
              criterion={criterion}
              draft={drafts[criterion.id]}
              readOnly={readOnly}
              problems={problems.criteria[criterion.id]}
              missing={missing[criterion.id]}
              onChange={(draft, part) => change(criterion.id, draft, part)}
            />
          ))}
        </Box>
      ))}
      {recommendations ? (
        <TextField
          label={translate(recommendations.label)}
          multiline
          minRows={4}
          fullWidth
          value={summary}
          onChange={(event) => {
            setSummary(event.target.value);
            setSummaryTouched(true);
            setProblems((current) => ({ ...current, recommendations: undefined }));
          }}
          slotProps={{ input: { readOnly }, htmlInput: { maxLength: MAX_NARRATIVE_LENGTH } }}
          error={!!problems.recommendations}
          helperText={problems.recommendations ? message(problems.recommendations) : translate(recommendations.hint)}
        />
      ) : null}
      {submitted || !writable ? null : (
        <Paper
          variant="outlined"
          sx={{ position: 'sticky', bottom: 0, zIndex: 1, p: 1, display: 'flex', gap: 2, alignItems: 'center' }}
        >
          <Button
            label="app.evaluation.assess.save"
            variant="contained"
            disabled={!dirty || pending}
            onClick={() => void saveDraft()}
          >
            <SaveIcon />
          </Button>
          <ConfirmButton
            label="app.evaluation.assess.submit"
            icon={<SendIcon />}
            variant="outlined"
            disabled={pending}
            pending={pending}
            confirmation={{
              title: 'app.evaluation.assess.submitTitle',
              content: 'app.evaluation.assess.submitContent',
              confirm: 'app.evaluation.assess.submit',
            }}
            run={(settled) => void submit(settled)}
          />
          {dirty ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.evaluation.assess.unsaved')}
            </Typography>
          ) : null}
        </Paper>
      )}
    </Stack>
  );
}
