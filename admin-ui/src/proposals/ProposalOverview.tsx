import { Typography } from '@mui/material';
import {
  type FieldProps,
  NumberField,
  ReferenceField,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { recordChip, TranslatedTextField } from '../common';
import type { Proposal } from '../types';
import { useAnswerStates } from './answerStates';
import { AnswerStateChip, ProposalStateChip } from './ProposalChips';
import { ProposalHistory } from './ProposalHistory';
import { WithValuation } from './WithValuation';

const LocaleChip = recordChip<Proposal>((proposal) => ({
  label: `app.proposal.locale.${proposal.locale}`,
  fallback: proposal.locale,
  variant: 'outlined',
}));

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

const HistoryField = (_props: { label?: string }) => {
  const record = useRecordContext<Proposal>();
  const { data: states } = useAnswerStates(record?.processId);
  return (
    <WithValuation>
      {(valuation) => <ProposalHistory proposal={record!} answer={valuation.proposal.answer} states={states} />}
    </WithValuation>
  );
};

/**
 * What a proposal says and where it stands, with its history (its answer even held): the
 * overview of the admins' proposal page and of the valuator's. `processLink` is `false` where the
 * process has no page (valuators see no process screen).
 */
export const ProposalOverview = ({ processLink }: { processLink: 'show' | false; label?: false }) => (
  <SimpleShowLayout sx={{ p: 0 }}>
    <TextField source="reference" emptyText="—" />
    <TextField source="title" />
    <ReferenceField source="processId" reference="processes" link={processLink}>
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
  </SimpleShowLayout>
);
