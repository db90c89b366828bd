import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import {
  type FieldProps,
  Labeled,
  ListButton,
  NumberField,
  ReferenceField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { TranslatedTextField } from '../common';
import type { Proposal } from '../types';
import { AnswerForm } from './AnswerForm';
import { useAnswerStates } from './answerStates';
import { AnswerStateChip, ProposalStateChip } from './ProposalChips';
import { ProposalEndorsers } from './ProposalEndorsers';
import { ProposalHistory } from './ProposalHistory';
import { ProposalNotes, ProposalValuators } from './ProposalValuation';
import { useValuation } from './useValuation';

const ProposalTitle = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const name = translate('resources.proposals.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${record.title} »` : name}</span>;
};

const LocaleChip = (props: Partial<FieldProps<Proposal>>) => {
  const record = useRecordContext<Proposal>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`app.proposal.locale.${record.locale}`, { _: record.locale })}
    />
  );
};

const Body = (props: Partial<FieldProps<Proposal>>) => {
  const record = useRecordContext<Proposal>(props);
  return (
    <Typography component="div" variant="body2" sx={{ whiteSpace: 'pre-line', maxWidth: '80ch' }}>
      {record?.body}
    </Typography>
  );
};

/** The address and coordinates, when the proposal has a place. */
const Place = (props: Partial<FieldProps<Proposal>>) => {
  const record = useRecordContext<Proposal>(props);
  if (!record) return null;
  const coordinates =
    record.latitude !== null && record.longitude !== null ? `${record.latitude}, ${record.longitude}` : null;
  return <Typography variant="body2">{[record.address, coordinates].filter(Boolean).join(' — ') || '—'}</Typography>;
};

/** Supports are `null` where the active phase hides them. */
const SupportsCount = (props: Partial<FieldProps<Proposal>>) => {
  const record = useRecordContext<Proposal>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2">
      {record.supportsCount === null ? translate('app.proposal.supportsHidden') : record.supportsCount}
    </Typography>
  );
};

/** Valuation data (held answer, valuators, notes) for one of the tabs. */
const WithValuation = ({
  children,
}: {
  children: (valuation: NonNullable<ReturnType<typeof useValuation>['data']>) => React.ReactNode;
}) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const { data, isPending, error } = useValuation(record?.id);
  if (!record) return null;
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate('app.valuation.unavailable')}</Alert>;
  return <>{children(data)}</>;
};

const HistoryField = (_props: { label?: string }) => {
  const record = useRecordContext<Proposal>();
  const { data: states } = useAnswerStates(record?.processId);
  return (
    <WithValuation>
      {(valuation) => <ProposalHistory proposal={record!} answer={valuation.proposal.answer} states={states} />}
    </WithValuation>
  );
};

const AnswerTab = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  return (
    <WithValuation>
      {(valuation) => (
        <Stack sx={{ gap: 2, width: '100%' }}>
          <Labeled label="app.answer.current">
            <AnswerStateChip record={valuation.proposal} />
          </Labeled>
          <Typography variant="h6" component="h2">
            {translate(valuation.proposal.answer ? 'app.answer.changeTitle' : 'app.answer.giveTitle')}
          </Typography>
          <AnswerForm proposal={record!} answer={valuation.proposal.answer} />
        </Stack>
      )}
    </WithValuation>
  );
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

export const ProposalShow = () => (
  <Show<Proposal> title={<ProposalTitle />} actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.proposal.tabs.overview">
        <TextField source="reference" emptyText="—" />
        <TextField source="title" />
        <ReferenceField source="processId" reference="processes" link="show">
          <TranslatedTextField source="title" />
        </ReferenceField>
        <TextField source="authorName" />
        <ProposalStateChip label="resources.proposals.fields.state" />
        <AnswerStateChip label="resources.proposals.fields.answer" />
        <LocaleChip label="resources.proposals.fields.locale" />
        <Body label="resources.proposals.fields.body" />
        <ReferenceField source="themeId" reference="themes" link={false} emptyText="—">
          <TranslatedTextField source="name" />
        </ReferenceField>
        <ReferenceField source="territoryId" reference="territories" link={false} emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <Place label="resources.proposals.fields.address" />
        <SupportsCount label="resources.proposals.fields.supportsCount" />
        <NumberField source="endorsementsCount" />
        <NumberField source="commentsCount" />
        <HistoryField label="app.proposal.history.title" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.proposal.tabs.answer" path="answer">
        <AnswerTab />
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
