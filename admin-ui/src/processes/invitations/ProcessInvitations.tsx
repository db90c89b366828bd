import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, ReferenceArrayInput, SaveButton, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { ConfirmButton, LocaleDateField, QueryList, submissionErrorsOf } from '../../common';
import type { AppDataProvider } from '../../dataProvider';
import type { Process, ProcessInvitation } from '../../types';
import { PeopleAutocomplete, PersonReference } from '../PersonReference';
import { useProcessMutation } from '../useProcessMutation';

/** Invites people to the private process (`POST /processes/{id}/invitations`). */
const InviteForm = ({ process }: { process: Process }) => {
  // A new key empties the form once people are invited.
  const [formKey, setFormKey] = useState(0);
  const invite = useProcessMutation(
    (dataProvider, personIds: string[]) => dataProvider.invitePeople(process.id, personIds),
    'app.invitation.invitedNotice',
  );
  const submit = async (values: { personIds?: string[] | null }) => {
    try {
      await invite.mutateAsync(values.personIds ?? []);
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Form key={formKey} record={{ personIds: [] }} onSubmit={submit}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mt: 2 }}>
        <ReferenceArrayInput source="personIds" reference="people">
          <PeopleAutocomplete label="app.invitation.people" />
        </ReferenceArrayInput>
        <SaveButton label="app.invitation.invite" icon={<PersonAddIcon />} sx={{ mt: 1 }} />
      </Box>
    </Form>
  );
};

const UninviteButton = ({ invitation }: { invitation: ProcessInvitation }) => {
  const uninvite = useProcessMutation(
    (dataProvider, _: void) => dataProvider.uninvitePerson(invitation.processId, invitation.personId),
    'app.invitation.removedNotice',
  );
  return (
    <ConfirmButton
      label="app.invitation.remove"
      icon={<PersonRemoveIcon />}
      disabled={uninvite.isPending}
      color="error"
      size="small"
      confirmation={{
        title: 'app.invitation.removeTitle',
        content: 'app.invitation.removeExplanation',
        confirmColor: 'warning',
      }}
      run={(settled) => uninvite.mutate(undefined, { onSettled: settled })}
      pending={uninvite.isPending}
    />
  );
};

/** The people invited to a private process, and the form to invite more. */
export const ProcessInvitations = () => {
  const process = useRecordContext<Process>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['processes', 'invitations', process?.id],
    queryFn: () => dataProvider.getInvitations(process!.id).then(({ data: invitations }) => invitations),
    enabled: !!process,
  });
  if (!process) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.invitation.intro')}
      </Typography>
      <QueryList
        items={data}
        isPending={isPending}
        error={error}
        unavailable="app.invitation.unavailable"
        none="app.invitation.none"
      >
        {(invitations) => (
          <Table size="small" aria-label={translate('app.invitation.table')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.invitation.person')}</TableCell>
                <TableCell>{translate('app.invitation.invitedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {invitations.map((invitation) => (
                <TableRow key={invitation.personId}>
                  <TableCell>
                    <PersonReference personId={invitation.personId} />
                  </TableCell>
                  <TableCell>
                    <LocaleDateField record={{ ...invitation, id: invitation.personId }} source="invitedAt" showTime />
                  </TableCell>
                  <TableCell align="right">
                    <UninviteButton invitation={invitation} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryList>
      <InviteForm process={process} />
    </Box>
  );
};
