import type { Campaign, CampaignAssessmentKind, Subject } from '@convergences/contracts';
import EditNoteIcon from '@mui/icons-material/EditNote';
import GroupsIcon from '@mui/icons-material/Groups';
import VisibilityIcon from '@mui/icons-material/TravelExplore';
import { Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useNotify, useRedirect } from 'react-admin';
import { problemMessage } from '../../common';
import { assessmentApi } from './assessmentApi';
import { inWritingWindow, kindsWrittenBy } from './writingRules';

const icons = { self: <EditNoteIcon />, peer: <VisibilityIcon />, committee: <GroupsIcon /> };

/** Whether the subject's assessment of a kind has begun (a peer's own is not told apart from the others'). */
const begun = (subject: Subject, kind: CampaignAssessmentKind) =>
  kind === 'self'
    ? subject.progress.self !== 'none'
    : kind === 'committee'
      ? subject.progress.committee !== 'none'
      : subject.progress.peersAssigned > 0;

/** Whether the subject's shared assessment of a kind is submitted (a peer's own is not told apart). */
const submitted = (subject: Subject, kind: CampaignAssessmentKind) =>
  (kind === 'self' && subject.progress.self === 'submitted') ||
  (kind === 'committee' && subject.progress.committee === 'submitted');

/**
 * The assessments the caller writes for a subject, by their roles on it: the members' self-
 * assessment, an assigned peer's visit, the committee's opinion. Each finds or starts the draft
 * (`POST /campaigns/{id}/assessments`) and opens it; one begun before opens whatever the campaign's state.
 */
export const StartAssessmentButtons = ({
  subject,
  campaignStatus,
  size = 'medium',
}: {
  subject: Subject;
  campaignStatus: Campaign['status'];
  size?: 'small' | 'medium';
}) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const start = useMutation({
    mutationFn: (kind: CampaignAssessmentKind) => assessmentApi.start(subject.campaignId, subject.id, kind),
    onSuccess: (assessment) => redirect(`/assessments/${assessment.id}`),
    onError: (error) => notify(problemMessage(error), { type: 'error' }),
  });
  const kinds = kindsWrittenBy(subject).filter(
    (kind) => campaignStatus !== 'draft' && (inWritingWindow(kind, campaignStatus) || begun(subject, kind)),
  );
  if (kinds.length === 0) return null;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {kinds.map((kind) => (
        <Button
          key={kind}
          label={`app.evaluation.assess.${submitted(subject, kind) ? 'read' : 'start'}.${kind}`}
          variant="contained"
          size={size}
          disabled={start.isPending}
          onClick={() => start.mutate(kind)}
        >
          {icons[kind]}
        </Button>
      ))}
    </Stack>
  );
};
