import type { Campaign } from '@convergences/contracts';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import type { FocusEvent } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useRunsCampaign } from '../evaluations/useRunsCampaign';

/** Where the back office serves the public questionnaire of a campaign (a hash route, like the rest). */
export const questionnaireUrl = (campaignId: string) =>
  `${window.location.origin}${window.location.pathname}#/questionnaire/${encodeURIComponent(campaignId)}`;

const m = (key: string) => `app.evaluation.questionnaire.${key}`;

/** For the coordinators: the link to share with the stakeholders, with a copy button. */
export const QuestionnaireLink = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const runs = useRunsCampaign(campaign);
  if (!runs) return null;
  if (campaign.status === 'closed') return null;
  const url = questionnaireUrl(campaign.id);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify(m('copied'), { type: 'info' });
    } catch {
      notify(m('copyFailed'), { type: 'warning' });
    }
  };
  return (
    <Box sx={{ mb: 2 }} data-testid="questionnaire-link">
      <TextField
        label={translate(m('link'))}
        value={url}
        fullWidth
        size="small"
        helperText={translate(campaign.status === 'open' ? m('linkHint') : m('linkLater'))}
        slotProps={{
          htmlInput: { readOnly: true, onFocus: (event: FocusEvent<HTMLInputElement>) => event.target.select() },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <Tooltip title={translate(m('copy'))}>
                  <IconButton aria-label={translate(m('copy'))} onClick={() => void copy()} edge="end">
                    <ContentCopyIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </InputAdornment>
            ),
          },
        }}
      />
      {campaign.stakeholderCriteria.length === 0 ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate(m('noCriteria'))}
        </Alert>
      ) : null}
    </Box>
  );
};
