import type { Campaign, Framework, ProgressAction, Subject } from '@convergences/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  AutocompleteInput,
  Create,
  DateInput,
  Edit,
  FormDataConsumer,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useGetOne,
  useRecordContext,
} from 'react-admin';
import { FormSection, pickTranslation, useTranslatedText } from '../common';
import { campaignApi } from './campaignApi';
import { progressStatusChoices } from './ProgressPlanChips';

const wide = { flex: '1 1 100%' } as const;
const half = { flex: '1 1 280px' } as const;

interface ProgressValues {
  campaignId?: string | null;
  subjectId?: string | null;
  criterionId?: string | null;
  title?: string | null;
  description?: string | null;
  owner?: string | null;
  dueOn?: string | null;
  status?: ProgressAction['status'];
  statusNote?: string | null;
}

const textOrNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** What `POST /progress-plans` takes. */
const toCreateBody = (values: ProgressValues) => ({
  campaignId: values.campaignId ?? '',
  subjectId: values.subjectId ?? '',
  criterionId: values.criterionId ?? '',
  title: (values.title ?? '').trim(),
  description: textOrNull(values.description),
  owner: (values.owner ?? '').trim(),
  dueOn: values.dueOn ?? '',
});

/** What `PATCH /progress-plans/{id}` takes: `null` clears the description or the note. */
const toUpdateBody = (values: ProgressValues) => ({
  title: (values.title ?? '').trim(),
  description: textOrNull(values.description),
  owner: (values.owner ?? '').trim(),
  dueOn: values.dueOn ?? undefined,
  status: values.status,
  statusNote: textOrNull(values.statusNote),
});

/** The subjects of the chosen campaign. */
const SubjectInput = ({ campaignId }: { campaignId: string | null | undefined }) => {
  const { data } = useQuery({
    queryKey: ['campaign-subjects', campaignId],
    queryFn: () => campaignApi.subjects(campaignId!),
    enabled: !!campaignId,
  });
  const choices = (data?.data ?? []).map((subject: Subject) => ({ id: subject.id, name: subject.name }));
  return (
    <SelectInput
      source="subjectId"
      label="resources.progress-plans.fields.subjectId"
      choices={choices}
      validate={required()}
      disabled={!campaignId}
      sx={half}
    />
  );
};

/** The criteria of the chosen campaign's framework version. */
const CriterionInput = ({ campaignId }: { campaignId: string | null | undefined }) => {
  const pick = useTranslatedText();
  const { data: campaign } = useGetOne<Campaign>('campaigns', { id: campaignId ?? '' }, { enabled: !!campaignId });
  const { data: framework } = useGetOne<Framework>(
    'frameworks',
    { id: campaign?.frameworkId ?? '' },
    { enabled: !!campaign?.frameworkId },
  );
  const choices = (framework?.dimensions ?? []).flatMap((dimension) =>
    dimension.criteria.map((criterion) => ({
      id: criterion.id,
      name: `${dimension.position}.${criterion.position} ${pick(criterion.title)}`,
    })),
  );
  return (
    <SelectInput
      source="criterionId"
      label="resources.progress-plans.fields.criterionId"
      choices={choices}
      validate={required()}
      disabled={!campaignId}
      sx={half}
    />
  );
};

const ActionTextInputs = () => (
  <>
    <TextInput source="title" label="resources.progress-plans.fields.title" validate={required()} sx={wide} />
    <TextInput
      source="description"
      label="resources.progress-plans.fields.description"
      multiline
      minRows={3}
      sx={wide}
    />
    <TextInput
      source="owner"
      label="resources.progress-plans.fields.owner"
      helperText="app.evaluation.progress.ownerHint"
      validate={required()}
      sx={half}
    />
    <DateInput source="dueOn" label="resources.progress-plans.fields.dueOn" validate={required()} sx={half} />
  </>
);

/**
 * A subject's members or the campaign's coordinators record an improvement action on a criterion,
 * once the campaign is in review or closed.
 */
export const ProgressPlanCreate = () => (
  <Create transform={toCreateBody} redirect="list" title="app.evaluation.progress.createTitle">
    <SimpleForm noValidate>
      <FormSection title="app.evaluation.progress.where" intro="app.evaluation.progress.whereIntro">
        <ReferenceInput source="campaignId" reference="campaigns">
          <AutocompleteInput
            label="resources.progress-plans.fields.campaignId"
            optionText={(campaign: Campaign) => pickTranslation(campaign.title, 'fr')}
            validate={required()}
            sx={wide}
          />
        </ReferenceInput>
        <FormDataConsumer<ProgressValues>>
          {({ formData }) => (
            <>
              <SubjectInput campaignId={formData.campaignId} />
              <CriterionInput campaignId={formData.campaignId} />
            </>
          )}
        </FormDataConsumer>
      </FormSection>
      <FormSection title="app.evaluation.progress.action">
        <ActionTextInputs />
      </FormSection>
    </SimpleForm>
  </Create>
);

const EditTitle = () => {
  const record = useRecordContext<ProgressAction>();
  return record ? <span>{record.title}</span> : null;
};

/** The action's texts, owner, due date, and where it stands (`PATCH /progress-plans/{id}`). */
export const ProgressPlanEdit = () => (
  <Edit<ProgressAction> title={<EditTitle />} mutationMode="pessimistic" transform={toUpdateBody} redirect="list">
    <SimpleForm noValidate>
      <FormSection title="app.evaluation.progress.action">
        <ActionTextInputs />
      </FormSection>
      <FormSection title="app.evaluation.progress.standing">
        <SelectInput
          source="status"
          label="resources.progress-plans.fields.status"
          choices={progressStatusChoices}
          validate={required()}
          sx={half}
        />
        <TextInput
          source="statusNote"
          label="resources.progress-plans.fields.statusNote"
          helperText="app.evaluation.progress.statusNoteHint"
          multiline
          minRows={2}
          sx={wide}
        />
      </FormSection>
    </SimpleForm>
  </Edit>
);
