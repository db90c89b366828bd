import { Chip, Typography } from '@mui/material';
import {
  type FieldProps,
  ListButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, TranslatedTextField } from '../common';
import type { Proposal } from '../types';

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

const StateChip = (props: Partial<FieldProps<Proposal>>) => {
  const record = useRecordContext<Proposal>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.state === 'published' ? 'success' : 'default'}
      label={translate(`app.proposal.state.${record.state}`, { _: record.state })}
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

const ShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

export const ProposalShow = () => (
  <Show<Proposal> title={<ProposalTitle />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="reference" emptyText="—" />
      <TextField source="title" />
      <ReferenceField source="processId" reference="processes" link="show">
        <TranslatedTextField source="title" />
      </ReferenceField>
      <TextField source="authorName" />
      <LocaleChip label="resources.proposals.fields.locale" />
      <StateChip label="resources.proposals.fields.state" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="publishedAt" showTime emptyText="—" />
      <Body label="resources.proposals.fields.body" />
    </SimpleShowLayout>
  </Show>
);
