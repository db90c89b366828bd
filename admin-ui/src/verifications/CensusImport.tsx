import type { CensusReport, Territory } from '@convergences/contracts';
import {
  Alert,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, Title, useNotify, useTranslate } from 'react-admin';
import { apiRequest } from '../dataProvider';
import { TerritoryAutocomplete } from './TerritoryAutocomplete';
import { instantOf, kindChoices } from './verificationChoices';

/**
 * Census import: the CSV is first sent as a dry run and its report shown; importing sends the
 * same text for real. Changing anything asks for a new preview.
 */
export const CensusImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [kind, setKind] = useState(kindChoices[0].id);
  const [territory, setTerritory] = useState<Territory | null>(null);
  const [expiresAt, setExpiresAt] = useState('');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<CensusReport | undefined>();
  const [pending, setPending] = useState(false);

  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setReport(undefined);
    };
  const send = async (dryRun: boolean) => {
    setPending(true);
    try {
      const { json } = await apiRequest<CensusReport>('/verifications/census', {
        method: 'POST',
        body: {
          kind,
          csv,
          dryRun,
          ...(territory ? { territoryId: territory.id } : {}),
          ...(expiresAt ? { expiresAt: instantOf(expiresAt) } : {}),
        },
      });
      setReport(json);
      if (!dryRun)
        notify('app.verification.census.importedNotice', { type: 'success', messageArgs: { count: json.accepted } });
    } catch (error) {
      setReport(undefined);
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.verification.census.title" />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="body2">{translate('app.verification.census.explanation')}</Typography>
          <Stack direction="row" spacing={2}>
            <TextField
              select
              name="kind"
              label={translate('resources.verifications.fields.kind')}
              value={kind}
              onChange={(event) => changed(setKind)(event.target.value as typeof kind)}
              sx={{ minWidth: 200 }}
            >
              {kindChoices.map((choice) => (
                <MenuItem key={choice.id} value={choice.id}>
                  {translate(choice.name)}
                </MenuItem>
              ))}
            </TextField>
            <TerritoryAutocomplete
              margin="none"
              label={translate('resources.verifications.fields.territoryId')}
              helperText={translate('app.verification.territoryHint')}
              value={territory}
              onChange={changed(setTerritory)}
              sx={{ minWidth: 360 }}
            />
            <TextField
              type="datetime-local"
              name="expiresAt"
              label={translate('resources.verifications.fields.expiresAt')}
              value={expiresAt}
              onChange={(event) => changed(setExpiresAt)(event.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
          <TextField
            multiline
            minRows={8}
            name="csv"
            label={translate('app.verification.census.csv')}
            placeholder={'identifier;birth_date\nAB123456;1980-05-17'}
            value={csv}
            onChange={(event) => changed(setCsv)(event.target.value)}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
          <Stack direction="row" spacing={2}>
            <Button
              label="app.verification.census.preview"
              onClick={() => send(true)}
              disabled={pending || !csv.trim()}
              variant="outlined"
            />
            <Button
              label="app.verification.census.import"
              onClick={() => send(false)}
              disabled={pending || !report?.dryRun || report.accepted === 0}
              variant="contained"
            />
          </Stack>
          {report && <CensusReportView report={report} />}
        </Stack>
      </CardContent>
    </Card>
  );
};

const CensusReportView = ({ report }: { report: CensusReport }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid="census-report">
      <Alert severity={report.rejected.length ? 'warning' : 'success'}>
        {translate(report.dryRun ? 'app.verification.census.previewSummary' : 'app.verification.census.importSummary', {
          rows: report.rows,
          accepted: report.accepted,
          rejected: report.rejected.length,
        })}
      </Alert>
      {report.rejected.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.verification.census.line')}</TableCell>
              <TableCell>{translate('app.verification.census.reason')}</TableCell>
              <TableCell>{translate('app.verification.census.detail')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.rejected.map((rejection) => (
              <TableRow key={`${rejection.line}-${rejection.reason}`}>
                <TableCell>{rejection.line}</TableCell>
                <TableCell>{translate(`app.verification.census.rejection.${rejection.reason}`)}</TableCell>
                <TableCell>{rejection.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
