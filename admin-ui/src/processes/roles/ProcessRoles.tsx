import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Form,
  ReferenceInput,
  SaveButton,
  SelectInput,
  required,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ConfirmButton, LocaleDateField, QueryList, submissionErrorsOf } from '../../common';
import type { AppDataProvider } from '../../dataProvider';
import type { Process, ProcessRole, ProcessRoleAssignment } from '../../types';
import { PersonAutocomplete, PersonReference } from '../PersonReference';
import { roleChoices } from '../processChoices';
import { useProcessMutation } from '../useProcessMutation';

interface AssignmentValues {
  personId?: string | null;
  role?: ProcessRole | null;
}

/** Gives a person a role in the process (`POST /processes/{id}/roles`). */
const AssignRoleForm = ({ process }: { process: Process }) => {
  // A new key empties the form once a role is given.
  const [formKey, setFormKey] = useState(0);
  const assign = useProcessMutation(
    (dataProvider, { personId, role }: { personId: string; role: ProcessRole }) =>
      dataProvider.assignProcessRole(process.id, personId, role),
    'app.processRole.assignedNotice',
  );
  const submit = async (values: AssignmentValues) => {
    try {
      await assign.mutateAsync({ personId: values.personId!, role: values.role! });
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Form key={formKey} record={{ role: 'moderator' }} onSubmit={submit}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mt: 2 }}>
        <ReferenceInput source="personId" reference="people">
          <PersonAutocomplete label="app.processRole.person" />
        </ReferenceInput>
        <SelectInput
          source="role"
          label="app.processRole.roleLabel"
          choices={roleChoices}
          validate={required()}
          sx={{ flex: '0 1 240px' }}
        />
        <SaveButton label="app.processRole.assign" icon={<PersonAddIcon />} sx={{ mt: 1 }} />
      </Box>
    </Form>
  );
};

const RemoveRoleButton = ({ assignment }: { assignment: ProcessRoleAssignment }) => {
  const translate = useTranslate();
  const remove = useProcessMutation(
    (dataProvider, _: void) =>
      dataProvider.removeProcessRole(assignment.processId, assignment.personId, assignment.role),
    'app.processRole.removedNotice',
  );
  const role = translate(`app.processRole.role.${assignment.role}`);
  return (
    <ConfirmButton
      label="app.processRole.remove"
      icon={<PersonRemoveIcon />}
      disabled={remove.isPending}
      color="error"
      size="small"
      confirmation={{
        title: 'app.processRole.removeTitle',
        titleTranslateOptions: { role },
        content: 'app.processRole.removeExplanation',
        confirmColor: 'warning',
      }}
      run={(settled) => remove.mutate(undefined, { onSettled: settled })}
      pending={remove.isPending}
    />
  );
};

/** Who holds a role in the process, and the form to give one. */
export const ProcessRoles = () => {
  const process = useRecordContext<Process>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['processes', 'roles', process?.id],
    queryFn: () => dataProvider.getProcessRoles(process!.id).then(({ data: assignments }) => assignments),
    enabled: !!process,
  });
  if (!process) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.processRole.intro')}
      </Typography>
      <QueryList
        items={data}
        isPending={isPending}
        error={error}
        unavailable="app.processRole.unavailable"
        none="app.processRole.none"
      >
        {(assignments) => (
          <Table size="small" aria-label={translate('app.processRole.table')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.processRole.person')}</TableCell>
                <TableCell>{translate('app.processRole.roleLabel')}</TableCell>
                <TableCell>{translate('app.processRole.assignedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {assignments.map((assignment) => (
                <TableRow key={`${assignment.personId}-${assignment.role}`}>
                  <TableCell>
                    <PersonReference personId={assignment.personId} />
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      variant="outlined"
                      label={translate(`app.processRole.role.${assignment.role}`)}
                    />
                  </TableCell>
                  <TableCell>
                    <LocaleDateField
                      record={{ ...assignment, id: `${assignment.personId}-${assignment.role}` }}
                      source="assignedAt"
                      showTime
                    />
                  </TableCell>
                  <TableCell align="right">
                    <RemoveRoleButton assignment={assignment} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryList>
      <AssignRoleForm process={process} />
    </Box>
  );
};
