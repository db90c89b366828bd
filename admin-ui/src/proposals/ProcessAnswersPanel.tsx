import DownloadIcon from '@mui/icons-material/Download';
import OfficialIcon from '@mui/icons-material/AccountBalance';
import PublishIcon from '@mui/icons-material/Publish';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, LinkBase, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmButton, problemMessage } from '../common';
import type { AppDataProvider } from '../dataProvider';
import type { AnswersImportReport, Process } from '../types';
import { ProcessAnswerStates } from './ProcessAnswerStates';
import { useProposalMutation } from './useProposalMutation';

/** `POST /processes/{id}/answers/publish`, once confirmed. */
const PublishAnswersButton = ({ process }: { process: Process }) => {
  const publish = useProposalMutation(
    (dataProvider, _: void) => dataProvider.publishAnswers(process.id),
    ({ data }) => ({ message: 'app.answers.publishedNotice', args: { smart_count: data.published } }),
  );
  return (
    <ConfirmButton
      label="app.answers.publish"
      icon={<PublishIcon />}
      variant="contained"
      confirmation={{ title: 'app.answers.publishTitle', content: 'app.answers.publishExplanation' }}
      run={(settled) => publish.mutate(undefined, { onSettled: settled })}
      pending={publish.isPending}
    />
  );
};

const ImportReport = ({ report }: { report: AnswersImportReport }) => {
  const translate = useTranslate();
  const summary = translate(report.dryRun ? 'app.answers.report' : 'app.answers.reportApplied', {
    rows: report.rows,
    applied: report.applied,
    published: report.published,
  });
  return (
    <Box sx={{ mt: 2 }} data-testid="import-report">
      <Alert severity={report.rejected.length > 0 ? 'warning' : 'success'}>{summary}</Alert>
      {report.rejected.length > 0 ? (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('app.answers.rejectedTitle')}
          </Typography>
          <Table size="small" aria-label={translate('app.answers.rejectedTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.answers.line')}</TableCell>
                <TableCell>{translate('app.answers.id')}</TableCell>
                <TableCell>{translate('app.answers.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rejected.map((rejection) => (
                <TableRow key={`${rejection.line}-${rejection.reason}`}>
                  <TableCell>{rejection.line}</TableCell>
                  <TableCell>{rejection.id ?? '—'}</TableCell>
                  <TableCell>{rejection.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </Box>
  );
};

/** Paste or upload a CSV, preview it (a dry run and its report), then import it. */
const ImportAnswersDialog = ({ process, onClose }: { process: Process; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const [csv, setCsv] = useState('');
  const [publish, setPublish] = useState(false);
  const [preview, setPreview] = useState<{ csv: string; report: AnswersImportReport } | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const apply = useProposalMutation(
    (provider, input: { csv: string; publish: boolean }) =>
      provider.importAnswers(process.id, { csv: input.csv, publish: input.publish, dryRun: false }),
    'app.answers.importedNotice',
  );
  const runPreview = async () => {
    setPreviewing(true);
    try {
      const { data } = await dataProvider.importAnswers(process.id, { csv, publish, dryRun: true });
      setPreview({ csv, report: data });
    } catch (error) {
      notify(problemMessage(error), { type: 'error' });
    } finally {
      setPreviewing(false);
    }
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setCsv(await file.text());
    setPreview(undefined);
  };
  const previewed = preview && preview.csv === csv ? preview.report : undefined;
  const canImport = !!previewed && previewed.rejected.length === 0 && previewed.applied > 0;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="import-answers-title">
      <DialogTitle id="import-answers-title">{translate('app.answers.importTitle')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.answers.importIntro')}
        </Typography>
        <Button label="app.answers.file" component="label">
          <>
            <UploadFileIcon />
            <input
              type="file"
              accept=".csv,text/csv"
              hidden
              onChange={(event) => void readFile(event.target.files?.[0])}
            />
          </>
        </Button>
        <MuiTextField
          label={translate('app.answers.csv')}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
          multiline
          minRows={6}
          fullWidth
          margin="normal"
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <FormControlLabel
          control={<Switch checked={publish} onChange={(event) => setPublish(event.target.checked)} />}
          label={translate('app.answers.publishImported')}
        />
        {previewed ? <ImportReport report={previewed} /> : null}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={apply.isPending} />
        <Button
          label="app.answers.preview"
          onClick={() => void runPreview()}
          disabled={!csv.trim() || previewing || apply.isPending}
        />
        <Button
          label="app.answers.confirmImport"
          variant="contained"
          disabled={!canImport || apply.isPending}
          onClick={() => apply.mutate({ csv, publish }, { onSuccess: onClose })}
        />
      </DialogActions>
    </Dialog>
  );
};

const ExportButtons = ({ process }: { process: Process }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const download = (format: 'csv' | 'json') =>
    dataProvider.downloadProposalsExport(process.id, format).catch((error: unknown) => {
      notify(problemMessage(error), { type: 'error' });
    });
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      <Button label="app.answers.exportCsv" variant="outlined" onClick={() => void download('csv')}>
        <DownloadIcon />
      </Button>
      <Button label="app.answers.exportJson" variant="outlined" onClick={() => void download('json')}>
        <DownloadIcon />
      </Button>
    </Stack>
  );
};

/** The official proposal form, with this process chosen. */
const OfficialProposalButton = ({ process }: { process: Process }) => (
  <Button
    component={LinkBase}
    label="app.official.title"
    variant="outlined"
    to={{
      pathname: '/proposals/create',
      search: `?source=${encodeURIComponent(JSON.stringify({ processId: process.id }))}`,
    }}
  >
    <OfficialIcon />
  </Button>
);

/**
 * The process page's "Answers" tab, the authority's side: publish held answers, import them,
 * publish an official proposal, the process's states, exports.
 */
export const ProcessAnswersPanel = () => {
  const process = useRecordContext<Process>();
  const translate = useTranslate();
  const [importing, setImporting] = useState(false);
  if (!process) return null;
  return (
    <Stack sx={{ gap: 3, width: '100%' }}>
      <Box>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.answers.intro')}
        </Typography>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
          <PublishAnswersButton process={process} />
          <Button label="app.answers.import" variant="outlined" onClick={() => setImporting(true)}>
            <UploadFileIcon />
          </Button>
          <OfficialProposalButton process={process} />
        </Stack>
        {importing ? <ImportAnswersDialog process={process} onClose={() => setImporting(false)} /> : null}
      </Box>
      <ProcessAnswerStates process={process} />
      <Box>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.answers.exports')}
        </Typography>
        <ExportButtons process={process} />
      </Box>
    </Stack>
  );
};
