import type { PeerAssignment, Subject } from '@convergences/contracts';
import InsightsIcon from '@mui/icons-material/Insights';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import {
  Alert,
  Box,
  FormControlLabel,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, LinkBase, Title, useParams, useTranslate } from 'react-admin';
import { ConfirmButton, LocaleDateField, problemMessage, QueryList } from '../common';
import { SubjectAssessments } from './assessment';
import { campaignApi } from './campaignApi';
import { ConsentSwitch, SubjectProgress } from './CampaignSubjects';
import { NamePersonForm, type PickedPerson } from './PersonPicker';
import { ProgressPlansPanel } from './ProgressPlansPanel';
import { useCampaignMutation } from './useCampaignMutation';
import { useRunsCampaign } from './useRunsCampaign';

/** Coordinators assign a person of another organisation to visit the subject (regards croisés). */
const AssignPeerForm = ({ subject }: { subject: Subject }) => {
  const assign = useCampaignMutation(
    (person: PickedPerson) => campaignApi.assignPeer(subject.campaignId, subject.id, person),
    'app.evaluation.peers.assignedNotice',
  );
  return (
    <NamePersonForm
      label="app.evaluation.peers.person"
      saveLabel="app.evaluation.peers.assign"
      onName={(person) => assign.mutateAsync(person)}
    />
  );
};

const UnassignPeerButton = ({ subject, peer }: { subject: Subject; peer: PeerAssignment }) => {
  const unassign = useCampaignMutation(
    () => campaignApi.unassignPeer(subject.campaignId, subject.id, peer.personId),
    'app.evaluation.peers.unassignedNotice',
  );
  return (
    <ConfirmButton
      label="app.evaluation.peers.unassign"
      icon={<PersonRemoveIcon />}
      color="warning"
      size="small"
      pending={unassign.isPending}
      confirmation={{
        title: 'app.evaluation.peers.unassignTitle',
        titleTranslateOptions: { name: peer.name },
        content: 'app.evaluation.peers.unassignContent',
      }}
      run={(settled) => unassign.mutate(undefined, { onSettled: settled })}
    />
  );
};

/** The people assigned to visit the subject. */
/**
 * Who visits the subject: read by its coordinators, committee and members (not by its peers, who
 * need not know one another); only coordinators and platform admins assign and unassign.
 */
const SubjectPeers = ({ subject }: { subject: Subject }) => {
  const translate = useTranslate();
  const runs = useRunsCampaign(subject);
  const reads = runs || subject.myRoles.some((role) => role === 'committee' || role === 'member');
  const { data, isPending, error } = useQuery({
    queryKey: ['subject-peers', subject.id],
    queryFn: () => campaignApi.peers(subject.campaignId, subject.id),
    enabled: reads,
  });
  if (!reads) return null;
  return (
    <Box component="section" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2">
        {translate('app.evaluation.peers.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.evaluation.peers.intro')}
      </Typography>
      <QueryList
        items={data}
        isPending={isPending}
        error={error}
        unavailable="app.evaluation.peers.unavailable"
        none="app.evaluation.peers.none"
      >
        {(peers) => (
          <Table size="small" aria-label={translate('app.evaluation.peers.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.evaluation.peers.person')}</TableCell>
                <TableCell>{translate('app.evaluation.peers.assignedAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {peers.map((peer) => (
                <TableRow key={peer.personId} data-testid="subject-peer">
                  <TableCell>{peer.name}</TableCell>
                  <TableCell>
                    <LocaleDateField record={peer} source="assignedAt" showTime />
                  </TableCell>
                  <TableCell align="right">
                    {runs ? <UnassignPeerButton subject={subject} peer={peer} /> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryList>
      {runs ? <AssignPeerForm subject={subject} /> : null}
    </Box>
  );
};

/**
 * A subject of a campaign, `/campaigns/:campaignId/subjects/:subjectId`: its consent to be named,
 * where its assessments stand, its peers, its results and its progress plan.
 */
export const SubjectPage = () => {
  const { campaignId = '', subjectId = '' } = useParams();
  const translate = useTranslate();
  const {
    data: subject,
    isPending,
    error,
  } = useQuery({
    queryKey: ['campaign-subjects', campaignId, subjectId],
    queryFn: () => campaignApi.subject(campaignId, subjectId),
  });
  if (isPending) return <LinearProgress />;
  if (error || !subject) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate(problemMessage(error))}
      </Alert>
    );
  }
  return (
    <Box sx={{ p: 2 }}>
      <Title title={subject.name} />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {subject.name}
        </Typography>
        <LinkBase to={`/campaigns/${campaignId}/show`}>
          {translate('app.evaluation.campaignResults.campaignLink')}
        </LinkBase>
        <Button
          component={LinkBase}
          to={`/campaigns/${campaignId}/subjects/${subjectId}/results`}
          label="app.evaluation.subjects.results"
          variant="outlined"
        >
          <InsightsIcon />
        </Button>
      </Stack>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap', mt: 1 }}>
        <SubjectProgress subject={subject} />
        <FormControlLabel
          control={<ConsentSwitch subject={subject} />}
          label={translate('app.evaluation.subjects.shownInResults')}
        />
      </Stack>
      <SubjectAssessments subject={subject} />
      <SubjectPeers subject={subject} />
      <Box component="section" sx={{ mt: 3 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('app.evaluation.progress.title')}
        </Typography>
        <ProgressPlansPanel
          campaignId={campaignId}
          subject={{ id: subject.id, organizationId: subject.organizationId }}
        />
      </Box>
    </Box>
  );
};
