import { Stack, Typography } from '@mui/material';
import { ListButton, Show, TabbedShowLayout, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { Proposal } from '../../types';
import { ProposalAnswerPanel } from '../ProposalAnswerPanel';
import { ProposalGridValuations } from '../ProposalGridValuations';
import { ProposalOverview } from '../ProposalOverview';
import { ProposalNotes } from '../ProposalValuation';
import { WithValuation } from '../WithValuation';

const ValuationTitle = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const name = translate('resources.valuations.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${record.title} »` : name}</span>;
};

const NotesTab = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  return (
    <WithValuation>
      {(valuation) => (
        <Stack sx={{ gap: 1, width: '100%' }}>
          <Typography variant="h6" component="h2">
            {translate('app.valuation.notes')}
          </Typography>
          <ProposalNotes proposal={record!} valuation={valuation} />
        </Stack>
      )}
    </WithValuation>
  );
};

/** Their valuation with the grid the process chose, if it chose one. */
const GridTab = () => {
  const record = useRecordContext<Proposal>();
  return record ? <ProposalGridValuations proposal={record} /> : null;
};

const ShowActions = () => (
  <TopToolbar>
    <ListButton resource="valuations" />
  </TopToolbar>
);

/**
 * A proposal assigned to the signed-in valuator: what it says and its history, the answer they
 * draft (held until an admin publishes it), their private notes. The proposal is read as
 * `proposals`; what only its admins and valuators see comes from `GET /proposals/{id}/valuation`.
 */
export const ValuationShow = () => (
  <Show<Proposal>
    resource="proposals"
    title={<ValuationTitle />}
    actions={<ShowActions />}
    redirectOnError={() => '/valuations'}
  >
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.proposal.tabs.overview">
        <ProposalOverview processLink={false} label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.proposal.tabs.answer" path="answer">
        <ProposalAnswerPanel answerer="valuator" label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.valuation.notes" path="notes">
        <NotesTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.valuation.grid.title" path="grid">
        <GridTab />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
