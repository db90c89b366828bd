import type { Campaign, Page, Subject } from '@convergences/contracts';
import CampaignIcon from '@mui/icons-material/FactCheck';
import { Box, Card, CardContent, Chip, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { LinkBase, useTranslate } from 'react-admin';
import { QueryList, useTranslatedText } from '../common';
import { apiRequest } from '../dataProvider';
import { StartAssessmentButtons } from '../evaluations/assessment';
import { campaignApi } from '../evaluations/campaignApi';
import { SubjectProgress } from '../evaluations/CampaignSubjects';

/** The roles on a subject that write one of its assessments. */
const writerRoles = new Set(['member', 'peer', 'committee']);

/** The subjects of an open or in-review campaign the caller has something to write for. */
const MySubjects = ({ campaign }: { campaign: Campaign }) => {
  const { data, isPending, error } = useQuery({
    queryKey: ['campaign-subjects', campaign.id],
    queryFn: () => campaignApi.subjects(campaign.id),
  });
  const mine = data?.data.filter((subject: Subject) => subject.myRoles.some((role) => writerRoles.has(role)));
  return (
    <QueryList
      items={mine}
      isPending={isPending}
      error={error}
      unavailable="app.evaluation.assess.dashboard.subjectsUnavailable"
      none="app.evaluation.assess.dashboard.noSubjects"
    >
      {(subjects) => (
        <Stack sx={{ gap: 1, mt: 1 }}>
          {subjects.map((subject) => (
            <Box
              key={subject.id}
              data-testid="my-subject"
              sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}
            >
              <LinkBase to={`/campaigns/${campaign.id}/subjects/${subject.id}`}>{subject.name}</LinkBase>
              <SubjectProgress subject={subject} />
              <StartAssessmentButtons subject={subject} campaignStatus={campaign.status} size="small" />
            </Box>
          ))}
        </Stack>
      )}
    </QueryList>
  );
};

/**
 * "Mes évaluations", for everyone signed in: the campaigns where they have a role
 * (`GET /campaigns?mine=true`) and, while assessments are written, the subjects they write for,
 * with where each stands and a way straight to the assessment.
 */
export const MyEvaluationsCard = () => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const { data, isPending, error } = useQuery({
    queryKey: ['campaigns', 'mine'],
    queryFn: async () =>
      (await apiRequest<Page<Campaign>>('/campaigns', { query: { mine: true, perPage: 100 } })).json.data,
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="my-evaluations">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
          <CampaignIcon color="primary" />
          <Typography variant="h6" component="h2">
            {translate('app.evaluation.assess.dashboard.title')}
          </Typography>
        </Stack>
        {isPending ? <LinearProgress /> : null}
        <QueryList
          items={data}
          isPending={false}
          error={error}
          unavailable="app.evaluation.assess.dashboard.unavailable"
          none="app.evaluation.assess.dashboard.none"
        >
          {(campaigns) => (
            <Stack divider={<Divider flexItem />} sx={{ gap: 2 }}>
              {campaigns.map((campaign) => (
                <Box key={campaign.id} data-testid="my-campaign">
                  <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                    <LinkBase to={`/campaigns/${campaign.id}/show`}>
                      <Typography variant="subtitle1" component="h3">
                        {pick(campaign.title)}
                      </Typography>
                    </LinkBase>
                    <Chip size="small" label={translate(`app.evaluation.campaignStatus.${campaign.status}`)} />
                    {campaign.myRoles.map((role) => (
                      <Chip
                        key={role}
                        size="small"
                        variant="outlined"
                        label={translate(`app.evaluation.myRole.${role}`)}
                      />
                    ))}
                  </Stack>
                  {campaign.status === 'open' || campaign.status === 'review' ? (
                    <MySubjects campaign={campaign} />
                  ) : null}
                </Box>
              ))}
            </Stack>
          )}
        </QueryList>
      </CardContent>
    </Card>
  );
};
