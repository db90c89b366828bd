import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { ParticipationSettings, Process } from '../types';
import { participantActionNames } from './processChoices';

type CountSetting = 'supportQuota' | 'minimumSupportsPerPerson' | 'supportThreshold' | 'proposalLimit';
type SwitchSetting = 'supportsBeyondThreshold' | 'geolocationEnabled' | 'answersWithCosts';

/** Settings where 0 means there is no limit (or, for the minimum, that supports count at once). */
const counts: CountSetting[] = ['supportQuota', 'minimumSupportsPerPerson', 'supportThreshold', 'proposalLimit'];
const switches: SwitchSetting[] = ['supportsBeyondThreshold', 'geolocationEnabled', 'answersWithCosts'];

/** The process's participation settings, read only, in the words of the form. */
export const SettingsSummary = () => {
  const process = useRecordContext<Process>();
  const translate = useTranslate();
  if (!process) return null;
  const settings: ParticipationSettings = process.settings;
  const rows: [string, string][] = [
    ...counts.map((name): [string, string] => [
      translate(`app.process.settings.${name}`),
      settings[name] === 0 ? translate(`app.process.settings.${name}Zero`) : String(settings[name]),
    ]),
    [
      translate('app.process.settings.editWindowMinutes'),
      translate('app.process.settings.minutes', { smart_count: settings.editWindowMinutes }),
    ],
    ...switches.map((name): [string, string] => [
      translate(`app.process.settings.${name}`),
      translate(settings[name] ? 'app.process.settings.yes' : 'app.process.settings.no'),
    ]),
    ...participantActionNames.map((action): [string, string] => {
      const kind = settings.requiredVerifications[action];
      return [
        translate('app.process.settings.verificationFor', { action: translate(`app.process.action.${action}`) }),
        kind ? translate(`app.verification.kind.${kind}`) : translate('app.process.settings.noVerification'),
      ];
    }),
  ];
  return (
    <Table size="small" aria-label={translate('app.process.settings.section')} sx={{ maxWidth: 720 }}>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary', width: '60%' }}>
              {label}
            </TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
