import { indicatorKinds, MAX_SCALE_LEVELS } from '@convergences/contracts';
import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  useTranslate,
  FormDataConsumer,
} from 'react-admin';
import { TranslatedInputs } from './TranslatedInputs';

const fields = 'resources.frameworks.fields';

/** A title (French required) and a description, both in French and English. */
export const TitleDescriptionInputs = () => (
  <>
    <TranslatedInputs source="title" label={`${fields}.title`} required />
    <TranslatedInputs source="description" label={`${fields}.description`} multiline />
  </>
);

/** A criterion: its texts and whether answers tell a story and bring evidence. */
export const CriterionInputs = () => (
  <>
    <TitleDescriptionInputs />
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
      <BooleanInput
        source="narrativeRequired"
        label={`${fields}.narrativeRequired`}
        helperText="app.evaluation.framework.narrativeRequiredHint"
      />
      <BooleanInput
        source="evidenceAllowed"
        label={`${fields}.evidenceAllowed`}
        helperText="app.evaluation.framework.evidenceAllowedHint"
      />
    </Box>
  </>
);

const kindChoices = indicatorKinds.map((kind) => ({ id: kind, name: `app.evaluation.kind.${kind}` }));

/** A level of a scale: its value, its label and its descriptor (what reaching it means), in both languages. */
const LevelInputs = () => (
  <ArrayInput source="levels" label={`${fields}.levels`} helperText="app.evaluation.framework.levelsHint">
    <SimpleFormIterator inline disableReordering sx={{ '& .RaSimpleFormIterator-inline': { flexWrap: 'wrap' } }}>
      <NumberInput source="value" label={`${fields}.levelValue`} min={0} max={100} step={1} sx={{ width: 110 }} />
      <TranslatedInputs source="label" label={`${fields}.levelLabel`} required />
      <TranslatedInputs source="descriptor" label={`${fields}.levelDescriptor`} multiline />
    </SimpleFormIterator>
  </ArrayInput>
);

/** An indicator: its texts, its kind, and the fields of that kind only. */
export const IndicatorInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <TitleDescriptionInputs />
      <SelectInput
        source="kind"
        label={`${fields}.kind`}
        choices={kindChoices}
        isRequired
        helperText="app.evaluation.framework.kindHint"
        sx={{ flex: '1 1 260px' }}
      />
      <FormDataConsumer<{ kind?: string }>>
        {({ formData }) => {
          if (formData.kind === 'quantitative') {
            return (
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }} data-testid="quantitative-fields">
                <TranslatedInputs source="unit" label={`${fields}.unit`} />
                <BooleanInput source="higherIsBetter" label={`${fields}.higherIsBetter`} />
                <NumberInput source="target" label={`${fields}.target`} sx={{ flex: '0 1 200px' }} />
              </Box>
            );
          }
          if (formData.kind === 'level_scale') {
            return (
              <Box sx={{ width: '100%' }} data-testid="level-scale-fields">
                <Typography variant="body2" color="text.secondary">
                  {translate('app.evaluation.framework.levelsIntro', { max: MAX_SCALE_LEVELS })}
                </Typography>
                <LevelInputs />
              </Box>
            );
          }
          return (
            <Typography variant="body2" color="text.secondary" sx={{ width: '100%' }}>
              {translate(`app.evaluation.kindHint.${formData.kind ?? 'narrative'}`)}
            </Typography>
          );
        }}
      </FormDataConsumer>
    </>
  );
};
