import { Box, Stack, Typography } from '@mui/material';
import { ListButton, Show, TabbedShowLayout, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { Proposal } from '../types';
import { ProposalAnswerPanel } from './ProposalAnswerPanel';
import { ProposalEndorsers } from './ProposalEndorsers';
import { ProposalOverview } from './ProposalOverview';
import { ProposalGridValuations } from './ProposalGridValuations';
import { ProposalNotes, ProposalValuators } from './ProposalValuation';
import { WithValuation } from './WithValuation';

const ProposalTitle = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const name = translate('resources.proposals.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${record.title} »` : name}</span>;
};

const ValuationTab = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  return (
    <WithValuation>
      {(valuation) => (
        <Stack sx={{ gap: 3, width: '100%' }}>
          <Box>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('app.valuation.valuators')}
            </Typography>
            <ProposalValuators proposal={record!} valuation={valuation} />
          </Box>
          <Box>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('app.valuation.notes')}
            </Typography>
            <ProposalNotes proposal={record!} valuation={valuation} />
          </Box>
          <Box>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('app.valuation.grid.title')}
            </Typography>
            <ProposalGridValuations proposal={record!} />
          </Box>
        </Stack>
      )}
    </WithValuation>
  );
};

const EndorsersTab = () => {
  const record = useRecordContext<Proposal>();
  return record ? <ProposalEndorsers proposal={record} /> : null;
};

const ShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/** The administrators' proposal page: its overview and history, its answer, its valuation, its endorsers. */
export const ProposalShow = () => (
  <Show<Proposal> title={<ProposalTitle />} actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.proposal.tabs.overview">
        <ProposalOverview processLink="show" label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.proposal.tabs.answer" path="answer">
        <ProposalAnswerPanel answerer="admin" label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.proposal.tabs.valuation" path="valuation">
        <ValuationTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.proposal.tabs.endorsers" path="endorsers">
        <EndorsersTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
