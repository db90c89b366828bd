import type { Debate, DebateText } from '@convergences/contracts';
import { Box, Stack, Typography } from '@mui/material';
import {
  EditButton,
  type FieldProps,
  ListButton,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { isAdmin } from '../authProvider';
import { LocaleDateField, TranslatedTextField } from '../common';
import { CloseDebateButton, InformationUpdateButton, ReopenDebateButton } from './DebateButtons';
import { DebateOriginChip, DebateStateChip } from './DebateChips';
import { DebateTitle } from './DebateTitle';

const preLine = { whiteSpace: 'pre-line', maxWidth: '80ch' } as const;

/** A debate's text in each language it holds, French first, each under its language's name when there are two. */
const DebateTextView = ({ text }: { text: DebateText | null | undefined }) => {
  const translate = useTranslate();
  const locales = (['fr', 'en'] as const).filter((locale) => text?.[locale]);
  if (locales.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack sx={{ gap: 1 }}>
      {locales.map((locale) => (
        <Box key={locale} lang={locale}>
          {locales.length > 1 ? (
            <Typography variant="caption" color="text.secondary">
              {translate(`app.debate.locale.${locale}`)}
            </Typography>
          ) : null}
          <Typography variant="body2" sx={preLine}>
            {text?.[locale]}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

type TextSource = 'title' | 'description' | 'instructions' | 'conclusions';
const DebateTextField = ({ source }: { source: TextSource } & Partial<FieldProps<Debate>>) => {
  const record = useRecordContext<Debate>();
  return record ? <DebateTextView text={record[source]} /> : null;
};

/** From when to when it takes comments; open-ended on either side. */
const WindowField = (_props: Partial<FieldProps<Debate>>) => {
  const record = useRecordContext<Debate>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.startsAt && !record.endsAt)
    return <Typography variant="body2">{translate('app.debate.noWindow')}</Typography>;
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }} data-testid="debate-window">
      <Typography variant="body2">{translate('app.debate.windowFrom')}</Typography>
      {record.startsAt ? <LocaleDateField source="startsAt" showTime /> : <span>—</span>}
      <Typography variant="body2">{translate('app.debate.windowTo')}</Typography>
      {record.endsAt ? <LocaleDateField source="endsAt" showTime /> : <span>—</span>}
    </Stack>
  );
};

/** Who opened it: the organiser's name for an official debate, and whether it is one. */
const AuthorField = (_props: Partial<FieldProps<Debate>>) => (
  <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
    <TextField source="authorName" />
    <DebateOriginChip />
  </Stack>
);

/** The information updates, oldest first, each with when it was added. */
const InformationUpdates = (_props: Partial<FieldProps<Debate>>) => {
  const record = useRecordContext<Debate>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.informationUpdates.length === 0) {
    return <Typography variant="body2">{translate('app.debate.noInformationUpdate')}</Typography>;
  }
  return (
    <Stack
      component="ol"
      aria-label={translate('resources.debates.fields.informationUpdates')}
      sx={{ gap: 2, pl: 2, m: 0 }}
    >
      {record.informationUpdates.map((update) => (
        <Box component="li" key={update.addedAt}>
          <LocaleDateField
            record={update}
            source="addedAt"
            showTime
            sx={{ color: 'text.secondary', typography: 'caption' }}
          />
          <DebateTextView text={update.body} />
        </Box>
      ))}
    </Stack>
  );
};

/** Edit and add information updates to an official debate while open; close any, amend or reopen a closed one. */
const ShowActions = () => {
  const record = useRecordContext<Debate>();
  return (
    <TopToolbar>
      <InformationUpdateButton />
      <CloseDebateButton />
      <ReopenDebateButton />
      {record?.official && record.state === 'open' ? <EditButton /> : null}
      <ListButton />
    </TopToolbar>
  );
};

/** A debate as its process's admins run it: its texts, its window, its state and conclusions, its news. */
export const DebateShow = () => {
  const { permissions } = usePermissions();
  return (
    <Show<Debate> title={<DebateTitle />} actions={<ShowActions />}>
      <SimpleShowLayout>
        <DebateTextField source="title" label="resources.debates.fields.title" />
        <ReferenceField
          source="processId"
          reference="processes"
          link={isAdmin(permissions) ? 'show' : false}
          label="resources.debates.fields.processId"
        >
          <TranslatedTextField source="title" />
        </ReferenceField>
        <DebateStateChip label="resources.debates.fields.state" />
        <AuthorField label="resources.debates.fields.authorName" />
        <DebateTextField source="description" label="resources.debates.fields.description" />
        <DebateTextField source="instructions" label="resources.debates.fields.instructions" />
        <ReferenceField source="themeId" reference="themes" link={false} emptyText="—">
          <TranslatedTextField source="name" />
        </ReferenceField>
        <WindowField label="resources.debates.fields.window" />
        <NumberField source="commentsCount" />
        <LocaleDateField source="lastCommentAt" showTime emptyText="—" />
        <InformationUpdates label="resources.debates.fields.informationUpdates" />
        <LocaleDateField source="closedAt" showTime emptyText="—" />
        <DebateTextField source="conclusions" label="resources.debates.fields.conclusions" />
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
};
