import { Card, CardContent, Typography } from '@mui/material';
import { BooleanInput, useTranslate } from 'react-admin';
import type { PhaseRules } from '../../types';

// Every rule of the contract, group by group, in the order the form shows them.
const groups: { [G in keyof PhaseRules]: (keyof PhaseRules[G])[] } = {
  proposals: [
    'creationEnabled',
    'supportsEnabled',
    'supportsBlocked',
    'supportsHidden',
    'endorsementsEnabled',
    'answersPublished',
  ],
  debates: ['creationEnabled'],
  comments: ['enabled', 'blocked'],
};

const RulesGroup = <G extends keyof PhaseRules>({ group }: { group: G }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="fieldset" sx={{ flex: '1 1 280px', m: 0 }}>
      <CardContent>
        <Typography variant="subtitle2" component="legend" sx={{ mb: 1 }}>
          {translate(`app.phase.rules.${group}.title`)}
        </Typography>
        {groups[group].map((rule) => (
          <BooleanInput
            key={String(rule)}
            source={`rules.${group}.${String(rule)}`}
            label={`app.phase.rules.${group}.${String(rule)}`}
            helperText={`app.phase.rules.${group}.${String(rule)}Hint`}
          />
        ))}
      </CardContent>
    </Card>
  );
};

/** What the phase opens, as switches grouped by component: proposals, debates, comments. */
export const PhaseRulesInputs = () => (
  <>
    <RulesGroup group="proposals" />
    <RulesGroup group="debates" />
    <RulesGroup group="comments" />
  </>
);
