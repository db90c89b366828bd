import type { Campaign, CampaignPerson, CampaignRoleValue } from '@convergences/contracts';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { SelectInput, required, useTranslate } from 'react-admin';
import { ConfirmButton, LocaleDateField, QueryList } from '../common';
import { campaignApi } from './campaignApi';
import { NamePersonForm, type PickedPerson } from './PersonPicker';
import { useCampaignMutation } from './useCampaignMutation';
import { useRunsCampaign } from './useRunsCampaign';

const roleChoices = (['coordinator', 'committee'] as const).map((role) => ({
  id: role,
  name: `app.evaluation.campaignRole.${role}`,
}));

const AddPersonForm = ({ campaign }: { campaign: Campaign }) => {
  const add = useCampaignMutation(
    ({ person, role }: { person: PickedPerson; role: CampaignRoleValue }) =>
      campaignApi.addPerson(campaign.id, person, role),
    'app.evaluation.people.addedNotice',
  );
  return (
    <NamePersonForm<{ role: CampaignRoleValue | null }>
      label="app.evaluation.people.person"
      saveLabel="app.evaluation.people.add"
      record={{ role: 'committee' }}
      onName={(person, values) => add.mutateAsync({ person, role: values.role ?? 'committee' })}
    >
      <SelectInput
        source="role"
        label="app.evaluation.people.role"
        choices={roleChoices}
        validate={required()}
        sx={{ flex: '0 1 240px' }}
      />
    </NamePersonForm>
  );
};

const RemovePersonButton = ({ campaign, person }: { campaign: Campaign; person: CampaignPerson }) => {
  const remove = useCampaignMutation(
    () => campaignApi.removePerson(campaign.id, person.personId, person.role),
    'app.evaluation.people.removedNotice',
  );
  return (
    <ConfirmButton
      label="app.evaluation.people.remove"
      icon={<PersonRemoveIcon />}
      color="warning"
      size="small"
      pending={remove.isPending}
      confirmation={{
        title: 'app.evaluation.people.removeTitle',
        titleTranslateOptions: { name: person.name },
        content: 'app.evaluation.people.removeContent',
      }}
      run={(settled) => remove.mutate(undefined, { onSettled: settled })}
    />
  );
};

/** The campaign's coordinators and committee (commission mixte); coordinators name and remove them. */
export const CampaignPeople = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const runs = useRunsCampaign(campaign);
  const { data, isPending, error } = useQuery({
    queryKey: ['campaign-people', campaign.id],
    queryFn: () => campaignApi.people(campaign.id),
  });
  return (
    <Box>
      <QueryList
        items={data}
        isPending={isPending}
        error={error}
        unavailable="app.evaluation.people.unavailable"
        none="app.evaluation.people.none"
      >
        {(people) => (
          <Table size="small" aria-label={translate('app.evaluation.people.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.evaluation.people.person')}</TableCell>
                <TableCell>{translate('app.evaluation.people.role')}</TableCell>
                <TableCell>{translate('app.evaluation.people.addedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {people.map((person) => (
                <TableRow key={`${person.personId}-${person.role}`} data-testid="campaign-person">
                  <TableCell>{person.name}</TableCell>
                  <TableCell>{translate(`app.evaluation.campaignRole.${person.role}`)}</TableCell>
                  <TableCell>
                    <LocaleDateField record={person} source="addedAt" showTime />
                  </TableCell>
                  <TableCell align="right">
                    {runs ? <RemovePersonButton campaign={campaign} person={person} /> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryList>
      {/* Coordinators and platform admins name people: the API says no to anyone else. */}
      {runs ? <AddPersonForm campaign={campaign} /> : null}
    </Box>
  );
};
