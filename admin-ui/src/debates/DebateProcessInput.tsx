import type { SxProps, Theme as MuiTheme } from '@mui/material';
import { ReferenceInput, SelectInput, usePermissions } from 'react-admin';
import { isAdmin } from '../authProvider';
import { useMe, useTranslatedText } from '../common';
import { ProcessAutocomplete } from '../proposals/ProposalInputs';
import { administeredProcessesOf } from './processAdminPermission';

export interface DebateProcessInputProps {
  source?: string;
  /** Read by react-admin's filter form: shown without asking. */
  alwaysOn?: boolean;
  sx?: SxProps<MuiTheme>;
}

/**
 * Picks the process whose debates are run: any process for platform admins (searched by title),
 * the processes they administer for a process's admins (the only ones the API lets them run).
 */
export const DebateProcessInput = ({ source = 'processId', sx }: DebateProcessInputProps) => {
  const { permissions } = usePermissions();
  const { me } = useMe();
  const pick = useTranslatedText();
  if (isAdmin(permissions)) {
    return (
      <ReferenceInput source={source} reference="processes" sort={{ field: 'createdAt', order: 'DESC' }}>
        <ProcessAutocomplete sx={sx} />
      </ReferenceInput>
    );
  }
  return (
    <SelectInput
      source={source}
      label="resources.debates.fields.processId"
      choices={administeredProcessesOf(me).map((process) => ({ id: process.processId, name: pick(process.title) }))}
      sx={sx ?? { minWidth: 280 }}
    />
  );
};
