import type { Framework, FrameworkGap } from '@convergences/contracts';
import EditIcon from '@mui/icons-material/Edit';
import FileCopyIcon from '@mui/icons-material/FileCopy';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Alert, AlertTitle, Box, Chip, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  LinkBase,
  ListButton,
  ReferenceField,
  Show,
  TopToolbar,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { ConfirmButton, LocaleDateField, TranslatedTextField, useTranslatedText } from '../common';
import { frameworkApi, gapsOf, problemOf } from './frameworkApi';
import { FrameworkStatusChip } from './FrameworkChips';
import { FrameworkEditors } from './FrameworkEditors';
import { FrameworkProcessInput, toFrameworkBody } from './FrameworkCreate';
import { textValues } from './frameworkFormValues';
import { TitleDescriptionInputs } from './FrameworkItemInputs';
import { FrameworkTree } from './FrameworkTree';
import { FrameworkVersions } from './FrameworkVersions';
import { ItemDialog } from './ItemDialog';
import { useFrameworkMutation } from './useFrameworkMutation';

export const FrameworkTitle = () => {
  const record = useRecordContext<Framework>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  if (!record) return null;
  return (
    <span>
      {translate('app.evaluation.framework.pageTitle', { title: pick(record.title), version: record.version })}
    </span>
  );
};

/** A draft's texts and process (`PATCH /frameworks/{id}`). */
const EditTextsButton = ({ framework }: { framework: Framework }) => {
  const [open, setOpen] = useState(false);
  const update = useFrameworkMutation(
    (values: Parameters<typeof toFrameworkBody>[0]) => frameworkApi.update(framework.id, toFrameworkBody(values)),
    'app.evaluation.framework.savedNotice',
  );
  return (
    <>
      <Button label="app.evaluation.framework.editTexts" onClick={() => setOpen(true)}>
        <EditIcon />
      </Button>
      <ItemDialog
        open={open}
        onClose={() => setOpen(false)}
        title="app.evaluation.framework.editTexts"
        values={{
          title: textValues(framework.title),
          description: textValues(framework.description),
          processId: framework.processId,
        }}
        save={(values) => update.mutateAsync(values)}
      >
        <TitleDescriptionInputs />
        <FrameworkProcessInput />
      </ItemDialog>
    </>
  );
};

/** Adopts a draft; what a 422 `framework_incomplete` finds missing goes to `onGaps`. */
const AdoptButton = ({ framework, onGaps }: { framework: Framework; onGaps: (gaps: FrameworkGap[]) => void }) => {
  const adopt = useFrameworkMutation(() => frameworkApi.adopt(framework.id), 'app.evaluation.framework.adoptedNotice');
  return (
    <ConfirmButton
      label="app.evaluation.framework.adopt"
      icon={<VerifiedIcon />}
      variant="contained"
      pending={adopt.isPending}
      confirmation={{
        title: 'app.evaluation.framework.adoptTitle',
        content: 'app.evaluation.framework.adoptContent',
      }}
      run={(settled) =>
        adopt.mutate(undefined, {
          onSuccess: () => onGaps([]),
          onError: (error) => onGaps(gapsOf(error) ?? []),
          onSettled: settled,
        })
      }
    />
  );
};

/** Starts the lineage's next version from an adopted one, and opens it; names the draft that already exists. */
const StartVersionButton = ({
  framework,
  onDraftExists,
}: {
  framework: Framework;
  onDraftExists: (id: string) => void;
}) => {
  const redirect = useRedirect();
  const start = useFrameworkMutation(
    () => frameworkApi.startVersion(framework.id),
    (draft: Framework) => ({
      message: 'app.evaluation.framework.versionStartedNotice',
      args: { version: draft.version },
    }),
  );
  return (
    <ConfirmButton
      label="app.evaluation.framework.startVersion"
      icon={<FileCopyIcon />}
      pending={start.isPending}
      confirmation={{
        title: 'app.evaluation.framework.startVersionTitle',
        content: 'app.evaluation.framework.startVersionContent',
      }}
      run={(settled) =>
        start.mutate(undefined, {
          onSuccess: (draft) => redirect('show', 'frameworks', draft.id),
          onError: (error) => {
            const draftId = problemOf(error)?.details?.draftId;
            if (typeof draftId === 'string') onDraftExists(draftId);
          },
          onSettled: settled,
        })
      }
    />
  );
};

/** A version's page: its texts and status, its tree (edited here while a draft), its lineage, its editors. */
const FrameworkPage = () => {
  const framework = useRecordContext<Framework>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const [tab, setTab] = useState(0);
  const [gaps, setGaps] = useState<{ frameworkId: string; gaps: FrameworkGap[] } | null>(null);
  const [existingDraft, setExistingDraft] = useState<string | null>(null);
  if (!framework) return null;
  const shownGaps = gaps?.frameworkId === framework.id ? gaps.gaps : [];

  return (
    <Box sx={{ p: 2 }}>
      <TopToolbar sx={{ justifyContent: 'flex-start', px: 0 }}>
        {framework.status === 'draft' ? (
          <>
            <EditTextsButton framework={framework} />
            <AdoptButton
              framework={framework}
              onGaps={(found) => setGaps({ frameworkId: framework.id, gaps: found })}
            />
          </>
        ) : (
          <StartVersionButton framework={framework} onDraftExists={setExistingDraft} />
        )}
        <ListButton />
      </TopToolbar>

      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {pick(framework.title)}
        </Typography>
        <Chip size="small" label={translate('app.evaluation.framework.versionN', { version: framework.version })} />
        <FrameworkStatusChip />
      </Stack>
      {framework.description ? (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-line', mt: 1, maxWidth: '80ch' }}>
          {pick(framework.description)}
        </Typography>
      ) : null}
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap', mt: 1, color: 'text.secondary' }}>
        {framework.processId ? (
          <Typography variant="body2" component="div">
            {translate('resources.frameworks.fields.processId')} :{' '}
            <ReferenceField source="processId" reference="processes" link="show">
              <TranslatedTextField source="title" />
            </ReferenceField>
          </Typography>
        ) : null}
        {framework.basedOnId ? (
          <Typography variant="body2">
            <LinkBase to={`/frameworks/${framework.basedOnId}/show`}>
              {translate('app.evaluation.framework.basedOn')}
            </LinkBase>
          </Typography>
        ) : null}
        {framework.adoptedAt ? (
          <Typography variant="body2" component="div">
            {translate('resources.frameworks.fields.adoptedAt')} : <LocaleDateField source="adoptedAt" showTime />
          </Typography>
        ) : null}
      </Stack>

      {existingDraft ? (
        <Alert severity="info" sx={{ mt: 2 }} onClose={() => setExistingDraft(null)}>
          {translate('app.evaluation.framework.draftExists')}{' '}
          <LinkBase to={`/frameworks/${existingDraft}/show`}>
            {translate('app.evaluation.framework.openDraft')}
          </LinkBase>
        </Alert>
      ) : null}
      {shownGaps.length > 0 ? (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="framework-gaps" onClose={() => setGaps(null)}>
          <AlertTitle>{translate('app.evaluation.framework.incomplete', { smart_count: shownGaps.length })}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {shownGaps.map((gap, index) => (
              <li key={`${index}-${gap.message}`}>{gap.message}</li>
            ))}
          </Box>
        </Alert>
      ) : null}

      <Tabs value={tab} onChange={(_, value: number) => setTab(value)} sx={{ mt: 2, mb: 2 }}>
        <Tab label={translate('app.evaluation.framework.tree')} />
        <Tab label={translate('app.evaluation.framework.versions')} />
        <Tab label={translate('app.evaluation.editors.title')} />
      </Tabs>
      {tab === 0 ? (
        <>
          {framework.status === 'draft' ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('app.evaluation.framework.draftIntro')}
            </Typography>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('app.evaluation.framework.adoptedIntro')}
            </Typography>
          )}
          {/* Opened from the list, the record is first the list's summary, without its tree. */}
          {Array.isArray(framework.dimensions) ? (
            <FrameworkTree framework={framework} gaps={shownGaps} />
          ) : (
            <LinearProgress />
          )}
        </>
      ) : null}
      {tab === 1 ? <FrameworkVersions framework={framework} /> : null}
      {tab === 2 ? <FrameworkEditors framework={framework} /> : null}
    </Box>
  );
};

export const FrameworkShow = () => (
  <Show<Framework> title={<FrameworkTitle />} actions={false}>
    <FrameworkPage />
  </Show>
);
