import type { Indicator } from '@convergences/contracts';
import {
  Box,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  InputAdornment,
  Radio,
  RadioGroup,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Button, useTranslate } from 'react-admin';
import { useTranslatedText } from '../../common';
import type { DraftValue } from './answerDrafts';

export interface IndicatorInputProps {
  indicator: Indicator;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  disabled: boolean;
  /** A message key or the API's message: a problem with the value, or that it is missing. */
  error?: string;
}

/** Messages of our own are keys; the API's come translated already. */
export const useMessage = () => {
  const translate = useTranslate();
  return (message: string | undefined) =>
    message === undefined ? undefined : message.startsWith('app.') ? translate(message) : message;
};

const Description = ({ indicator }: { indicator: Indicator }) => {
  const pick = useTranslatedText();
  return indicator.description ? (
    <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
      {pick(indicator.description)}
    </Typography>
  ) : null;
};

/** A level of a scale: its value and label, and what reaching it means. */
const LevelScaleInput = ({ indicator, value, onChange, disabled, error }: IndicatorInputProps) => {
  const pick = useTranslatedText();
  const message = useMessage();
  const labelId = `indicator-${indicator.id}-label`;
  return (
    <FormControl component="fieldset" error={!!error} disabled={disabled} sx={{ width: '100%' }}>
      <FormLabel component="legend" id={labelId}>
        {pick(indicator.title)}
      </FormLabel>
      <Description indicator={indicator} />
      <RadioGroup
        aria-labelledby={labelId}
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {indicator.levels.map((level) => (
          <FormControlLabel
            key={level.value}
            value={String(level.value)}
            control={<Radio />}
            sx={{ alignItems: 'flex-start', my: 0.5, '& .MuiRadio-root': { pt: 0.5 } }}
            label={
              <Box>
                <Typography variant="body1">
                  {level.value} — {pick(level.label)}
                </Typography>
                {level.descriptor ? (
                  <Typography variant="body2" color="text.secondary">
                    {pick(level.descriptor)}
                  </Typography>
                ) : null}
              </Box>
            }
          />
        ))}
      </RadioGroup>
      {value !== null && !disabled ? (
        <Box>
          <Button label="app.evaluation.assess.clear" size="small" onClick={() => onChange(null)} />
        </Box>
      ) : null}
      {error ? <FormHelperText>{message(error)}</FormHelperText> : null}
    </FormControl>
  );
};

const YesNoInput = ({ indicator, value, onChange, disabled, error }: IndicatorInputProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const message = useMessage();
  const labelId = `indicator-${indicator.id}-label`;
  return (
    <FormControl error={!!error} disabled={disabled}>
      <FormLabel id={labelId}>{pick(indicator.title)}</FormLabel>
      <Description indicator={indicator} />
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        disabled={disabled}
        aria-labelledby={labelId}
        value={value === null ? null : value ? 'yes' : 'no'}
        onChange={(_event, next: 'yes' | 'no' | null) => onChange(next === null ? null : next === 'yes')}
        sx={{ mt: 1 }}
      >
        <ToggleButton value="yes">{translate('app.evaluation.assess.yes')}</ToggleButton>
        <ToggleButton value="no">{translate('app.evaluation.assess.no')}</ToggleButton>
      </ToggleButtonGroup>
      {error ? <FormHelperText>{message(error)}</FormHelperText> : null}
    </FormControl>
  );
};

const QuantityInput = ({ indicator, value, onChange, disabled, error }: IndicatorInputProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const message = useMessage();
  const unit = indicator.unit ? pick(indicator.unit) : '';
  const direction = translate(
    indicator.higherIsBetter === false ? 'app.evaluation.assess.lowerIsBetter' : 'app.evaluation.assess.higherIsBetter',
  );
  const hint =
    indicator.target === null
      ? direction
      : `${translate('app.evaluation.assess.target', { target: `${indicator.target}${unit ? ` ${unit}` : ''}` })} — ${direction}`;
  return (
    <Box>
      <TextField
        type="number"
        label={pick(indicator.title)}
        value={value === null ? '' : String(value)}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        error={!!error}
        helperText={error ? message(error) : hint}
        slotProps={{
          input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : undefined,
          htmlInput: { step: 'any' },
        }}
        sx={{ minWidth: 260 }}
      />
      <Description indicator={indicator} />
    </Box>
  );
};

/** A narrative indicator takes no value: the criterion's narrative answers it. */
const NarrativeIndicator = ({ indicator }: IndicatorInputProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  return (
    <Box>
      <Typography variant="subtitle2">{pick(indicator.title)}</Typography>
      <Description indicator={indicator} />
      <Typography variant="caption" color="text.secondary">
        {translate('app.evaluation.assess.answeredByNarrative')}
      </Typography>
    </Box>
  );
};

/** An indicator's input, by its kind: a level scale, yes / no, a quantity, or (narrative) nothing but a note. */
export const IndicatorInput = (props: IndicatorInputProps) => {
  switch (props.indicator.kind) {
    case 'level_scale':
      return <LevelScaleInput {...props} />;
    case 'yes_no':
      return <YesNoInput {...props} />;
    case 'quantitative':
      return <QuantityInput {...props} />;
    case 'narrative':
      return <NarrativeIndicator {...props} />;
  }
};
