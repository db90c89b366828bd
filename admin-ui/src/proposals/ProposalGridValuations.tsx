import type { Framework, FrameworkValuation } from '@convergences/contracts';
import { Alert, Box, Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { apiRequest } from '../dataProvider';
import type { Proposal } from '../types';
import { ProposalGridValuationForm } from './ProposalGridValuationForm';

/**
 * The valuations of a proposal with the grille its process chose (`GET /proposals/{id}/valuations`):
 * each valuator's status, summary and score per criterion, beside the proposal, for the process's
 * admins (a valuator sees their own). Feeds the official answer written in the next tab.
 */
export const ProposalGridValuations = ({ proposal }: { proposal: Proposal }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const grid = useQuery({
    queryKey: ['processes', proposal.processId, 'valuation-framework'],
    queryFn: () =>
      apiRequest<{ framework: Framework | null }>(`/processes/${proposal.processId}/valuation-framework`).then(
        ({ json }) => json.framework,
      ),
  });
  const valuations = useQuery({
    queryKey: ['proposals', proposal.id, 'grid-valuations'],
    queryFn: () =>
      apiRequest<{ data: FrameworkValuation[] }>(`/proposals/${proposal.id}/valuations`).then(({ json }) => json.data),
  });
  if (grid.data === null) return <Alert severity="info">{translate('app.valuation.grid.noFramework')}</Alert>;
  if (valuations.isError) return <Alert severity="warning">{translate('app.valuation.grid.unavailable')}</Alert>;
  if (!grid.data || !valuations.data) return null;
  const criteria = new Map(
    grid.data.dimensions.flatMap((d) => d.criteria).map((c) => [c.id, c.title[locale as 'fr'] ?? c.title.fr]),
  );
  // An assigned valuator writes theirs here too; kept first, so that it stays open as the list fills.
  const form = <ProposalGridValuationForm proposal={proposal} valuations={valuations.data} />;
  if (valuations.data.length === 0) {
    return (
      <Stack sx={{ gap: 2 }}>
        {form}
        <Alert severity="info">{translate('app.valuation.grid.none')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack sx={{ gap: 2 }} data-testid="grid-valuations">
      {form}
      {valuations.data.map((valuation) => (
        <Box key={valuation.id} data-testid="grid-valuation">
          <Typography variant="subtitle1" component="h3">
            {valuation.authorName}{' '}
            <Chip
              size="small"
              color={valuation.status === 'submitted' ? 'success' : 'default'}
              label={translate(`app.valuation.grid.status.${valuation.status}`)}
            />
          </Typography>
          {valuation.recommendations ? (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {valuation.recommendations}
            </Typography>
          ) : null}
          <List dense>
            {valuation.scores.map((score) => (
              <ListItem key={score.criterionId} disableGutters>
                <ListItemText
                  primary={criteria.get(score.criterionId) ?? score.criterionId}
                  secondary={score.score === null ? '—' : `${score.score} / 100`}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      ))}
    </Stack>
  );
};
