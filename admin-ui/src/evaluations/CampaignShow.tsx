import type { Campaign } from '@convergences/contracts';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import InsightsIcon from '@mui/icons-material/Insights';
import { Box, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DateField,
  EditButton,
  LinkBase,
  ListButton,
  ReferenceField,
  Show,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ConfirmButton, LocaleDateField, useTranslatedText } from '../common';
import { campaignApi, nextStates } from './campaignApi';
import { CampaignStatusChip, MyRolesField } from './CampaignChips';
import { CampaignPeople } from './CampaignPeople';
import { CampaignSubjects } from './CampaignSubjects';
import { ProgressPlansPanel } from './ProgressPlansPanel';
import { useCampaignMutation } from './useCampaignMutation';
import { useRunsCampaign } from './useRunsCampaign';

export const CampaignTitle = () => {
  const record = useRecordContext<Campaign>();
  const pick = useTranslatedText();
  return record ? <span>{pick(record.title)}</span> : null;
};

/** Moves the campaign to its next state (draft → open → review → closed), once confirmed. */
const TransitionButton = ({ campaign }: { campaign: Campaign }) => {
  const to = nextStates[campaign.status];
  const move = useCampaignMutation(
    () => campaignApi.transition(campaign.id, to!),
    (moved: Campaign) => ({ message: `app.evaluation.campaign.moved.${moved.status}` }),
  );
  if (!to) return null;
  return (
    <ConfirmButton
      label={`app.evaluation.campaign.transition.${to}`}
      icon={<ArrowForwardIcon />}
      variant="contained"
      pending={move.isPending}
      confirmation={{
        title: `app.evaluation.campaign.transition.${to}Title`,
        content: `app.evaluation.campaign.transition.${to}Content`,
      }}
      run={(settled) => move.mutate(undefined, { onSettled: settled })}
    />
  );
};

const CampaignPage = () => {
  const campaign = useRecordContext<Campaign>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const [tab, setTab] = useState(0);
  const runs = useRunsCampaign(campaign);
  if (!campaign) return null;
  return (
    <Box sx={{ p: 2 }}>
      <TopToolbar sx={{ justifyContent: 'flex-start', px: 0 }}>
        {runs ? <TransitionButton campaign={campaign} /> : null}
        {runs && campaign.status !== 'closed' ? <EditButton /> : null}
        <Button component={LinkBase} to={`/campaigns/${campaign.id}/results`} label="app.evaluation.campaign.results">
          <InsightsIcon />
        </Button>
        <ListButton />
      </TopToolbar>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {pick(campaign.title)}
        </Typography>
        <CampaignStatusChip />
        <MyRolesField />
      </Stack>
      {campaign.description ? (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-line', mt: 1, maxWidth: '80ch' }}>
          {pick(campaign.description)}
        </Typography>
      ) : null}
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap', mt: 1, color: 'text.secondary' }}>
        <Typography variant="body2" component="div">
          {translate('resources.campaigns.fields.frameworkId')} :{' '}
          <ReferenceField source="frameworkId" reference="frameworks" link="show" />
        </Typography>
        <Typography variant="body2" component="div">
          {translate('app.evaluation.campaign.periodIs')} <DateField source="startsOn" options={{ timeZone: 'UTC' }} />{' '}
          → <DateField source="endsOn" options={{ timeZone: 'UTC' }} />
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={translate('app.evaluation.campaign.stakeholderCriteriaCount', {
            smart_count: campaign.stakeholderCriteria.length,
          })}
        />
        {campaign.previousCampaignId ? (
          <LinkBase to={`/campaigns/${campaign.previousCampaignId}/show`}>
            {translate('app.evaluation.campaign.previous')}
          </LinkBase>
        ) : null}
        {campaign.openedAt ? (
          <Typography variant="body2" component="div">
            {translate('resources.campaigns.fields.openedAt')} : <LocaleDateField source="openedAt" showTime />
          </Typography>
        ) : null}
        {campaign.closedAt ? (
          <Typography variant="body2" component="div">
            {translate('resources.campaigns.fields.closedAt')} : <LocaleDateField source="closedAt" showTime />
          </Typography>
        ) : null}
      </Stack>
      <Tabs value={tab} onChange={(_, value: number) => setTab(value)} sx={{ mt: 2, mb: 2 }}>
        <Tab label={translate('app.evaluation.subjects.title')} />
        <Tab label={translate('app.evaluation.people.title')} />
        <Tab label={translate('app.evaluation.progress.title')} />
      </Tabs>
      {tab === 0 ? <CampaignSubjects campaign={campaign} /> : null}
      {tab === 1 ? <CampaignPeople campaign={campaign} /> : null}
      {tab === 2 ? <ProgressPlansPanel campaignId={campaign.id} /> : null}
    </Box>
  );
};

/** A campaign: its framework version and period, its state and next step, its subjects, people and progress plans. */
export const CampaignShow = () => (
  <Show<Campaign> title={<CampaignTitle />} actions={false}>
    <CampaignPage />
  </Show>
);
