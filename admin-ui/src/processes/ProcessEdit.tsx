import { Edit, useDataProvider, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { problemMessage, submissionErrorsOf } from '../common';
import type { AppDataProvider } from '../dataProvider';
import type { Process } from '../types';
import { ProcessForm } from './ProcessForm';
import { formValuesOf, toProcessUpdate, type ProcessFormValues } from './processFormValues';

/** Saves with `PATCH /processes/{id}`; field errors of the API show next to their inputs. */
const EditForm = () => {
  const record = useRecordContext<Process>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record) return null;

  const save = async (values: ProcessFormValues) => {
    try {
      await dataProvider.updateProcess(record.id, toProcessUpdate(values));
      await queryClient.invalidateQueries({ queryKey: ['processes'] });
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('show', 'processes', record.id);
      return undefined;
    } catch (error) {
      notify(problemMessage(error), { type: 'error' });
      return submissionErrorsOf(error);
    }
  };

  return <ProcessForm record={formValuesOf(record)} onSubmit={save} />;
};

export const ProcessEdit = () => (
  <Edit<Process> mutationMode="pessimistic">
    <EditForm />
  </Edit>
);
