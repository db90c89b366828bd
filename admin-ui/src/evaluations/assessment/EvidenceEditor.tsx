import { MAX_EVIDENCE } from '@convergences/contracts';
import AddLinkIcon from '@mui/icons-material/AddLink';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, FormHelperText, IconButton, Link, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import type { CriterionProblems, EvidenceDraft } from './answerDrafts';
import { useMessage } from './IndicatorInput';

export interface EvidenceEditorProps {
  evidence: EvidenceDraft[];
  onChange: (evidence: EvidenceDraft[]) => void;
  readOnly: boolean;
  problems?: Pick<CriterionProblems, 'evidence' | 'evidenceRows'>;
}

/** A criterion's evidence: what each piece shows, and where (a link); links only once submitted. */
export const EvidenceEditor = ({ evidence, onChange, readOnly, problems }: EvidenceEditorProps) => {
  const translate = useTranslate();
  const message = useMessage();
  const heading = (
    <Typography variant="subtitle2" component="h4">
      {translate('app.evaluation.assess.evidence')}
    </Typography>
  );
  if (readOnly) {
    const shown = evidence.filter((row) => row.url.trim() !== '');
    return (
      <Box>
        {heading}
        {shown.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.evaluation.assess.noEvidence')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {shown.map((row, index) => (
              <ListItem key={index} disableGutters>
                <Link href={row.url} target="_blank" rel="noopener noreferrer">
                  {row.label || row.url}
                </Link>
              </ListItem>
            ))}
          </List>
        )}
      </Box>
    );
  }
  const change = (index: number, part: keyof EvidenceDraft, value: string) =>
    onChange(evidence.map((row, i) => (i === index ? { ...row, [part]: value } : row)));
  return (
    <Box>
      {heading}
      <Typography variant="body2" color="text.secondary">
        {translate('app.evaluation.assess.evidenceHint', { max: MAX_EVIDENCE })}
      </Typography>
      <Stack sx={{ gap: 1, mt: 1 }}>
        {evidence.map((row, index) => {
          const rowProblems = problems?.evidenceRows?.[index];
          return (
            <Stack key={index} direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <TextField
                size="small"
                label={translate('app.evaluation.assess.evidenceLabel')}
                value={row.label}
                onChange={(event) => change(index, 'label', event.target.value)}
                error={!!rowProblems?.label}
                helperText={message(rowProblems?.label)}
                slotProps={{ htmlInput: { maxLength: 200 } }}
                sx={{ flex: '1 1 220px' }}
              />
              <TextField
                size="small"
                type="url"
                label={translate('app.evaluation.assess.evidenceUrl')}
                value={row.url}
                onChange={(event) => change(index, 'url', event.target.value)}
                error={!!rowProblems?.url}
                helperText={message(rowProblems?.url)}
                sx={{ flex: '2 1 320px' }}
              />
              <IconButton
                aria-label={translate('app.evaluation.assess.removeEvidence')}
                onClick={() => onChange(evidence.filter((_row, i) => i !== index))}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      {problems?.evidence ? <FormHelperText error>{message(problems.evidence)}</FormHelperText> : null}
      <Button
        label="app.evaluation.assess.addEvidence"
        size="small"
        disabled={evidence.length >= MAX_EVIDENCE}
        onClick={() => onChange([...evidence, { label: '', url: '' }])}
        sx={{ mt: 1 }}
      >
        <AddLinkIcon />
      </Button>
    </Box>
  );
};
