import type { Campaign } from '@convergences/contracts';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LinkBase, Title, useGetOne, useParams, useTranslate } from 'react-admin';
import { problemMessage, useMe, useTranslatedText } from '../../common';
import { campaignApi } from '../campaignApi';
import { CAMPAIGN_QUERY_KEYS } from '../useCampaignMutation';
import { AnswerSheet } from './AnswerSheet';
import { assessmentApi } from './assessmentApi';
import { useAnsweredFramework } from './useAnsweredFramework';
import { inWritingWindow, writesAssessment } from './writingRules';

/**
 * An assessment of a campaign's subject, `/assessments/:assessmentId`: a self-assessment, a
 * peer's visit or the committee's opinion, written criterion by criterion while it is a draft and
 * the campaign in its window, read-only once submitted.
 */
export const AssessmentPage = () => {
  const { assessmentId = '' } = useParams();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const queryClient = useQueryClient();
  const { me, isPending: mePending } = useMe();
  const assessment = useQuery({
    queryKey: ['assessments', assessmentId],
    queryFn: () => assessmentApi.get(assessmentId),
  });
  const campaignId = assessment.data?.campaignId ?? '';
  const subjectId = assessment.data?.subjectId ?? '';
  const framework = useAnsweredFramework(assessment.data?.frameworkId);
  const campaign = useGetOne<Campaign>('campaigns', { id: campaignId }, { enabled: !!campaignId });
  const subject = useQuery({
    queryKey: ['campaign-subjects', campaignId, subjectId],
    queryFn: () => campaignApi.subject(campaignId, subjectId),
    enabled: !!campaignId && !!subjectId,
  });
  const error = assessment.error ?? framework.error ?? campaign.error ?? subject.error;
  if (error) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate(problemMessage(error))}
      </Alert>
    );
  }
  if (!assessment.data || !framework.data || !campaign.data || !subject.data || mePending) return <LinearProgress />;
  const current = assessment.data;
  const writable = writesAssessment(current, subject.data, campaign.data, me?.id);
  const windowClosed =
    current.status === 'draft' && current.kind !== 'valuation' && !inWritingWindow(current.kind, campaign.data.status);
  const kindLabel = translate(`app.evaluation.assess.kind.${current.kind}`);
  const subjectPath = `/campaigns/${campaignId}/subjects/${subjectId}`;
  return (
    <Box sx={{ p: 2, maxWidth: 1100 }}>
      <Title title={translate('app.evaluation.assess.titleOf', { kind: kindLabel, name: subject.data.name })} />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h5" component="h1">
          {kindLabel} — {subject.data.name}
        </Typography>
        <Chip
          size="small"
          color={current.status === 'submitted' ? 'success' : 'default'}
          label={translate(`app.evaluation.assess.status.${current.status}`)}
          data-testid="assessment-status"
        />
        <LinkBase to={subjectPath}>{translate('app.evaluation.assess.subjectLink')}</LinkBase>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {pick(campaign.data.title)} · {pick(framework.data.title)} (v{framework.data.version})
        {current.authorName ? ` · ${current.authorName}` : ''}
      </Typography>
      <AnswerSheet
        key={current.id}
        framework={framework.data}
        assessment={current}
        endpoints={assessmentApi.endpoints(current.id)}
        writable={writable}
        recommendations={
          current.kind === 'committee'
            ? { label: 'app.evaluation.assess.recommendations', hint: 'app.evaluation.assess.recommendationsHint' }
            : undefined
        }
        readOnlyNotice={
          windowClosed
            ? {
                message: 'app.evaluation.assess.windowClosed',
                args: { status: translate(`app.evaluation.campaignStatus.${campaign.data.status}`) },
              }
            : undefined
        }
        onSaved={(saved) => {
          queryClient.setQueryData(['assessments', assessmentId], saved);
          // Where the subject's assessments stand, on its page and the dashboard.
          void Promise.all(CAMPAIGN_QUERY_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
        }}
      />
    </Box>
  );
};
