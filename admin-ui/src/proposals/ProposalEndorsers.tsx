import { Alert, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { Proposal } from '../types';

/** Who endorses the proposal, as themself or for an organisation (the first 100). */
export const ProposalEndorsers = ({ proposal }: { proposal: Proposal }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['proposals', 'endorsements', proposal.id],
    queryFn: () => dataProvider.getEndorsements(proposal.id),
  });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate('app.proposal.endorsersUnavailable')}</Alert>;
  if (data.data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.proposal.noEndorsers')}
      </Typography>
    );
  }
  return (
    <List dense aria-label={translate('app.proposal.endorsers')}>
      {data.data.map((endorsement) => (
        <ListItem key={endorsement.id} disableGutters>
          <ListItemText
            primary={endorsement.organizationName ?? endorsement.personName}
            secondary={
              endorsement.organizationName
                ? translate('app.proposal.endorsedFor', { name: endorsement.personName })
                : undefined
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
