import type { Criterion } from '@convergences/contracts';
import { MAX_NARRATIVE_LENGTH } from '@convergences/contracts';
import { Alert, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useTranslatedText } from '../../common';
import { type CriterionDraft, type CriterionProblems, type MissingParts, needsNarrative } from './answerDrafts';
import { EvidenceEditor } from './EvidenceEditor';
import { IndicatorInput, useMessage } from './IndicatorInput';

export interface CriterionAnswerProps {
  criterion: Criterion;
  draft: CriterionDraft;
  onChange: (draft: CriterionDraft, part: 'narrative' | 'evidence' | { indicatorId: string }) => void;
  readOnly: boolean;
  problems?: CriterionProblems;
  missing?: MissingParts;
}

/**
 * One criterion's answer: its indicators' values, its narrative (the récit beside the figures)
 * and, where the criterion takes them, its evidence; what the API refused or a submit found
 * missing next to the input it is about.
 */
export const CriterionAnswer = ({ criterion, draft, onChange, readOnly, problems, missing }: CriterionAnswerProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const message = useMessage();
  const narrativeNeeded = needsNarrative(criterion);
  const missingIndicators = new Set(missing?.indicators ?? []);
  const narrativeError =
    problems?.narrative ?? (missing?.narrative ? 'app.evaluation.assess.narrativeMissing' : undefined);
  const isMissing = !!missing && (missing.narrative || missing.indicators.length > 0);
  return (
    <Card
      variant="outlined"
      data-testid="criterion-answer"
      data-criterion-id={criterion.id}
      data-missing={isMissing ? 'true' : undefined}
      sx={isMissing ? { borderColor: 'warning.main' } : undefined}
    >
      <CardContent>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {pick(criterion.title)}
          </Typography>
          {narrativeNeeded ? (
            <Chip size="small" variant="outlined" label={translate('app.evaluation.assess.narrativeRequired')} />
          ) : null}
        </Stack>
        {criterion.description ? (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
            {pick(criterion.description)}
          </Typography>
        ) : null}
        {isMissing ? (
          <Alert severity="warning" sx={{ mt: 1 }} data-testid="criterion-missing">
            {translate('app.evaluation.assess.criterionMissing')}
          </Alert>
        ) : null}
        {problems?.other?.length ? (
          <Alert severity="error" sx={{ mt: 1 }}>
            {problems.other.map((text) => message(text)).join(' ')}
          </Alert>
        ) : null}
        <Stack sx={{ gap: 2, mt: 2 }}>
          {criterion.indicators.map((indicator) => (
            <IndicatorInput
              key={indicator.id}
              indicator={indicator}
              value={draft.values[indicator.id] ?? null}
              disabled={readOnly}
              error={
                problems?.indicators?.[indicator.id] ??
                (missingIndicators.has(indicator.id) ? 'app.evaluation.assess.valueMissing' : undefined)
              }
              onChange={(value) =>
                onChange(
                  { ...draft, values: { ...draft.values, [indicator.id]: value } },
                  { indicatorId: indicator.id },
                )
              }
            />
          ))}
          <TextField
            label={translate('app.evaluation.assess.narrative')}
            multiline
            minRows={3}
            fullWidth
            required={narrativeNeeded}
            value={draft.narrative}
            onChange={(event) => onChange({ ...draft, narrative: event.target.value }, 'narrative')}
            slotProps={{ input: { readOnly }, htmlInput: { maxLength: MAX_NARRATIVE_LENGTH } }}
            error={!!narrativeError}
            helperText={
              narrativeError
                ? message(narrativeError)
                : readOnly
                  ? undefined
                  : translate('app.evaluation.assess.narrativeHint')
            }
          />
          {criterion.evidenceAllowed ? (
            <EvidenceEditor
              evidence={draft.evidence}
              readOnly={readOnly}
              problems={problems}
              onChange={(evidence) => onChange({ ...draft, evidence }, 'evidence')}
            />
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
};
