import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { BooleanInput, NumberInput, SelectInput, useTranslate } from 'react-admin';
import { kindChoices } from '../verifications/verificationChoices';
import { participantActionNames } from './processChoices';
import { countBetween, notAboveQuota } from './processValidation';

const SettingsGroup = ({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 400px' }} component="fieldset">
      <CardContent>
        <Typography variant="subtitle2" component="legend" sx={{ mb: 1 }}>
          {translate(title)}
        </Typography>
        {intro ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate(intro)}
          </Typography>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
};

const quotaValidation = countBetween(0, 1000);
const minimumValidation = [...countBetween(0, 1000), notAboveQuota];
const thresholdValidation = countBetween(0, 10_000_000);
const editWindowValidation = countBetween(0, 525_600);

/**
 * The process's participation settings (`settings`, whatever the phase), in three groups:
 * supports, proposals, and the verification each action requires.
 */
export const ParticipationSettingsInputs = () => (
  <>
    <SettingsGroup title="app.process.settings.supportsGroup">
      <NumberInput
        source="settings.supportQuota"
        label="app.process.settings.supportQuota"
        helperText="app.process.settings.supportQuotaHint"
        validate={quotaValidation}
        min={0}
        step={1}
        fullWidth
      />
      <NumberInput
        source="settings.minimumSupportsPerPerson"
        label="app.process.settings.minimumSupportsPerPerson"
        helperText="app.process.settings.minimumSupportsPerPersonHint"
        validate={minimumValidation}
        min={0}
        step={1}
        fullWidth
      />
      <NumberInput
        source="settings.supportThreshold"
        label="app.process.settings.supportThreshold"
        helperText="app.process.settings.supportThresholdHint"
        validate={thresholdValidation}
        min={0}
        step={1}
        fullWidth
      />
      <BooleanInput
        source="settings.supportsBeyondThreshold"
        label="app.process.settings.supportsBeyondThreshold"
        helperText="app.process.settings.supportsBeyondThresholdHint"
      />
    </SettingsGroup>
    <SettingsGroup title="app.process.settings.proposalsGroup">
      <NumberInput
        source="settings.proposalLimit"
        label="app.process.settings.proposalLimit"
        helperText="app.process.settings.proposalLimitHint"
        validate={quotaValidation}
        min={0}
        step={1}
        fullWidth
      />
      <NumberInput
        source="settings.editWindowMinutes"
        label="app.process.settings.editWindowMinutes"
        helperText="app.process.settings.editWindowMinutesHint"
        validate={editWindowValidation}
        min={0}
        step={1}
        fullWidth
      />
      <BooleanInput
        source="settings.geolocationEnabled"
        label="app.process.settings.geolocationEnabled"
        helperText="app.process.settings.geolocationEnabledHint"
      />
      <BooleanInput
        source="settings.answersWithCosts"
        label="app.process.settings.answersWithCosts"
        helperText="app.process.settings.answersWithCostsHint"
      />
    </SettingsGroup>
    <SettingsGroup title="app.process.settings.verificationsGroup" intro="app.process.settings.verificationsIntro">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        {participantActionNames.map((action) => (
          <SelectInput
            key={action}
            source={`settings.requiredVerifications.${action}`}
            label={`app.process.action.${action}`}
            choices={kindChoices}
            emptyText="app.process.settings.noVerification"
            emptyValue=""
            sx={{ flex: '1 1 240px' }}
          />
        ))}
      </Box>
    </SettingsGroup>
  </>
);
