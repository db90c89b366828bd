import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  ReferenceArrayInput,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import type { Organization, Territory, Theme } from '@convergences/contracts';
import { FormSection, useTranslatedText } from '../common';
import { ParticipationSettingsInputs } from './ParticipationSettingsInputs';
import { createStatusChoices, visibilityChoices } from './processChoices';
import { defaultProcessFormValues } from './processFormValues';
import { frenchWithEnglish, httpUrlValidation, notBeforeStartDate, slugValidation } from './processValidation';

const searchByText = (text: string) => ({ q: text });
const half = { flex: '1 1 320px' } as const;
const narrow = { flex: '0 1 220px' } as const;

/** Picks the territory, shown with its level (région, commune…) since names repeat across levels. */
const TerritoryInput = () => {
  const translate = useTranslate();
  return (
    <ReferenceInput source="territoryId" reference="territories" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput
        label="resources.processes.fields.territoryId"
        optionText={(territory: Territory) =>
          `${territory.name} — ${translate(`app.territory.type.${territory.type}`, { _: territory.type })}`
        }
        filterToQuery={searchByText}
        helperText="app.process.territoryHint"
        sx={half}
      />
    </ReferenceInput>
  );
};

const ThemesInput = () => {
  const pick = useTranslatedText();
  return (
    <ReferenceArrayInput source="themeIds" reference="themes" perPage={100}>
      <AutocompleteArrayInput
        label="resources.processes.fields.themeIds"
        optionText={(theme: Theme) => pick(theme.name)}
        filterToQuery={searchByText}
        validate={maxLength(30)}
        sx={half}
      />
    </ReferenceArrayInput>
  );
};

export interface ProcessFormProps extends Omit<SimpleFormProps, 'children'> {
  /** A new process also chooses whether it is published at once. */
  creating?: boolean;
}

// Processes are closed, never deleted.
const FormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Every field of a process, for creating and editing it, grouped as the process page shows them. */
export const ProcessForm = ({ creating = false, ...props }: ProcessFormProps) => (
  <SimpleForm defaultValues={defaultProcessFormValues} toolbar={<FormToolbar />} sx={{ maxWidth: 1100 }} {...props}>
    <FormSection title="app.process.frenchSection">
      <TextInput
        source="title.fr"
        label="resources.processes.fields.title_fr"
        validate={[required(), maxLength(200)]}
        fullWidth
      />
      <TextInput
        source="subtitle.fr"
        label="resources.processes.fields.subtitle_fr"
        validate={[maxLength(300), frenchWithEnglish('subtitle')]}
        fullWidth
      />
      <TextInput
        source="description.fr"
        label="resources.processes.fields.description_fr"
        validate={[required(), maxLength(20_000)]}
        multiline
        minRows={4}
        fullWidth
      />
    </FormSection>
    <FormSection title="app.process.englishSection">
      <TextInput source="title.en" label="resources.processes.fields.title_en" validate={maxLength(200)} fullWidth />
      <TextInput
        source="subtitle.en"
        label="resources.processes.fields.subtitle_en"
        validate={maxLength(300)}
        fullWidth
      />
      <TextInput
        source="description.en"
        label="resources.processes.fields.description_en"
        validate={maxLength(20_000)}
        multiline
        minRows={4}
        fullWidth
      />
    </FormSection>
    <FormSection title="app.process.frameSection">
      <TextInput source="slug" helperText="app.process.slugHint" validate={slugValidation} sx={half} />
      {creating ? (
        <SelectInput source="status" choices={createStatusChoices} validate={required()} sx={narrow} />
      ) : null}
      <SelectInput
        source="visibility"
        choices={visibilityChoices}
        validate={required()}
        helperText="app.process.visibilityHint"
        sx={half}
      />
      <ReferenceInput source="organizerId" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          label="resources.processes.fields.organizerId"
          optionText={(organization: Organization) => organization.name}
          filterToQuery={searchByText}
          helperText="app.process.organizerHint"
          sx={half}
        />
      </ReferenceInput>
      <TerritoryInput />
      <ThemesInput />
      <DateInput source="startDate" label="resources.processes.fields.startDate" sx={narrow} />
      <DateInput
        source="endDate"
        label="resources.processes.fields.endDate"
        validate={notBeforeStartDate}
        sx={narrow}
      />
      <TextInput
        source="bannerUrl"
        label="resources.processes.fields.bannerUrl"
        validate={httpUrlValidation}
        sx={half}
      />
    </FormSection>
    <FormSection title="app.process.settings.section" intro="app.process.settings.intro">
      <ParticipationSettingsInputs />
    </FormSection>
  </SimpleForm>
);
