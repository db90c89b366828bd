import type { Campaign, Organization, Subject } from '@convergences/contracts';
import AddBusinessIcon from '@mui/icons-material/AddBusiness';
import DeleteIcon from '@mui/icons-material/Delete';
import InsightsIcon from '@mui/icons-material/Insights';
import { Box, Chip, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  Button,
  Form,
  LinkBase,
  ReferenceInput,
  SaveButton,
  required,
  useTranslate,
} from 'react-admin';
import { ConfirmButton, QueryList, submissionErrorsOf } from '../common';
import { QuestionnaireLink } from '../public';
import { campaignApi } from './campaignApi';
import { useCampaignMutation } from './useCampaignMutation';
import { useRunsCampaign } from './useRunsCampaign';

const searchByText = (text: string) => ({ q: text });

/** Coordinators add a member organisation, while draft or open. */
const AddSubjectForm = ({ campaign }: { campaign: Campaign }) => {
  const [formKey, setFormKey] = useState(0);
  const add = useCampaignMutation(
    (organizationId: string) => campaignApi.addSubject(campaign.id, organizationId),
    'app.evaluation.subjects.addedNotice',
  );
  const submit = async (values: { organizationId?: string | null }) => {
    try {
      await add.mutateAsync(values.organizationId ?? '');
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Form key={formKey} onSubmit={submit}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mt: 2 }}>
        <ReferenceInput source="organizationId" reference="organizations">
          <AutocompleteInput
            label="app.evaluation.subjects.organization"
            optionText={(organization: Organization) => organization.name}
            filterToQuery={searchByText}
            validate={required()}
            sx={{ flex: '1 1 320px' }}
          />
        </ReferenceInput>
        <SaveButton label="app.evaluation.subjects.add" icon={<AddBusinessIcon />} sx={{ mt: 1 }} />
      </Box>
    </Form>
  );
};

/** Whether the subject may be named in the results and open data (its organisation's consent). */
export const ConsentSwitch = ({ subject }: { subject: Subject }) => {
  const translate = useTranslate();
  const set = useCampaignMutation(
    (shownInResults: boolean) => campaignApi.setConsent(subject.campaignId, subject.id, shownInResults),
    'app.evaluation.subjects.consentNotice',
  );
  return (
    <Switch
      checked={subject.shownInResults}
      disabled={set.isPending}
      onChange={(event) => set.mutate(event.target.checked)}
      slotProps={{ input: { 'aria-label': translate('app.evaluation.subjects.consentOf', { name: subject.name }) } }}
    />
  );
};

const progressLabel = (translate: (key: string) => string, progress: Subject['progress']['self']) =>
  translate(`app.evaluation.assessmentProgress.${progress}`);

/** Where a subject's assessments stand: its own, its peers', the committee's. */
export const SubjectProgress = ({ subject }: { subject: Subject }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      <Chip
        size="small"
        variant="outlined"
        color={subject.progress.self === 'submitted' ? 'success' : 'default'}
        label={`${translate('app.evaluation.perspective.self')} : ${progressLabel(translate, subject.progress.self)}`}
      />
      <Chip
        size="small"
        variant="outlined"
        color={
          subject.progress.peersAssigned > 0 && subject.progress.peersSubmitted === subject.progress.peersAssigned
            ? 'success'
            : 'default'
        }
        label={`${translate('app.evaluation.perspective.peer')} : ${subject.progress.peersSubmitted}/${subject.progress.peersAssigned}`}
      />
      <Chip
        size="small"
        variant="outlined"
        color={subject.progress.committee === 'submitted' ? 'success' : 'default'}
        label={`${translate('app.evaluation.perspective.committee')} : ${progressLabel(translate, subject.progress.committee)}`}
      />
    </Stack>
  );
};

const RemoveSubjectButton = ({ subject }: { subject: Subject }) => {
  const remove = useCampaignMutation(
    () => campaignApi.removeSubject(subject.campaignId, subject.id),
    'app.evaluation.subjects.removedNotice',
  );
  return (
    <ConfirmButton
      label="ra.action.delete"
      icon={<DeleteIcon />}
      color="warning"
      size="small"
      pending={remove.isPending}
      confirmation={{
        title: 'app.evaluation.subjects.removeTitle',
        titleTranslateOptions: { name: subject.name },
        content: 'app.evaluation.subjects.removeContent',
      }}
      run={(settled) => remove.mutate(undefined, { onSettled: settled })}
    />
  );
};

/** The organisations assessed in the campaign: their consent, their peers, where their assessments stand. */
export const CampaignSubjects = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const runs = useRunsCampaign(campaign);
  const { data, isPending, error } = useQuery({
    queryKey: ['campaign-subjects', campaign.id],
    queryFn: () => campaignApi.subjects(campaign.id),
  });
  return (
    <Box>
      <QuestionnaireLink campaign={campaign} />
      <QueryList
        items={data?.data}
        isPending={isPending}
        error={error}
        unavailable="app.evaluation.subjects.unavailable"
        none="app.evaluation.subjects.none"
      >
        {(subjects) => (
          <Table size="small" aria-label={translate('app.evaluation.subjects.title')} data-total={data?.total}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.evaluation.subjects.organization')}</TableCell>
                <TableCell>{translate('app.evaluation.subjects.shownInResults')}</TableCell>
                <TableCell>{translate('app.evaluation.subjects.peers')}</TableCell>
                <TableCell>{translate('app.evaluation.subjects.progress')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {subjects.map((subject) => (
                <TableRow key={subject.id} data-testid="campaign-subject">
                  <TableCell>
                    <LinkBase to={`/campaigns/${campaign.id}/subjects/${subject.id}`}>{subject.name}</LinkBase>
                  </TableCell>
                  <TableCell>
                    <ConsentSwitch subject={subject} />
                  </TableCell>
                  <TableCell>
                    {subject.peers === null ? (
                      '—'
                    ) : subject.peers.length === 0 ? (
                      <Typography variant="body2" color="text.secondary">
                        {translate('app.evaluation.peers.none')}
                      </Typography>
                    ) : (
                      subject.peers.map((peer) => peer.name).join(', ')
                    )}
                  </TableCell>
                  <TableCell>
                    <SubjectProgress subject={subject} />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button
                      component={LinkBase}
                      to={`/campaigns/${campaign.id}/subjects/${subject.id}/results`}
                      label="app.evaluation.subjects.results"
                      size="small"
                    >
                      <InsightsIcon />
                    </Button>
                    {runs && campaign.status === 'draft' ? <RemoveSubjectButton subject={subject} /> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryList>
      {runs && (campaign.status === 'draft' || campaign.status === 'open') ? (
        <AddSubjectForm campaign={campaign} />
      ) : null}
    </Box>
  );
};
