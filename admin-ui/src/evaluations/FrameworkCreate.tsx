import { Create, ReferenceInput, SimpleForm } from 'react-admin';
import { FormSection } from '../common';
import { ProcessAutocomplete } from '../proposals/ProposalInputs';
import { optionalText, requiredText, type TextValues } from './frameworkFormValues';
import { TitleDescriptionInputs } from './FrameworkItemInputs';

interface FrameworkValues {
  title?: TextValues;
  description?: TextValues;
  processId?: string | null;
}

/** What `POST /frameworks` takes: the texts, and the process where it is co-built if any. */
export const toFrameworkBody = (values: FrameworkValues) => ({
  title: requiredText(values.title),
  description: optionalText(values.description),
  processId: values.processId || null,
});

/** The process a framework is co-built in (its participants propose criteria there), if any. */
export const FrameworkProcessInput = () => (
  <ReferenceInput source="processId" reference="processes" sort={{ field: 'createdAt', order: 'DESC' }}>
    <ProcessAutocomplete sx={{ flex: '1 1 100%' }} />
  </ReferenceInput>
);

/** Platform admins start a framework: version 1 of a new lineage, a draft whose tree is built on its page. */
export const FrameworkCreate = () => (
  <Create transform={toFrameworkBody} redirect="show" title="app.evaluation.framework.createTitle">
    <SimpleForm noValidate>
      <FormSection title="app.evaluation.framework.texts" intro="app.evaluation.framework.createIntro">
        <TitleDescriptionInputs />
      </FormSection>
      <FormSection title="app.evaluation.framework.process" intro="app.evaluation.framework.processIntro">
        <FrameworkProcessInput />
      </FormSection>
    </SimpleForm>
  </Create>
);
