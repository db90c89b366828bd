import type { Territory } from '@convergences/contracts';
import { Edit, HttpError, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { apiRequest } from '../dataProvider';
import { formValuesOf, TerritoryForm, toTerritoryChanges, type TerritoryFormValues } from './TerritoryForm';

/** Saves with `PATCH /territories/{id}`; field errors of the API (a parent that does not fit, a code taken) show next to their inputs. */
const EditForm = () => {
  const record = useRecordContext<Territory>();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record) return null;

  const save = async (values: TerritoryFormValues) => {
    try {
      await apiRequest<Territory>(`/territories/${encodeURIComponent(record.id)}`, {
        method: 'PATCH',
        body: toTerritoryChanges(values),
      });
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('list', 'territories');
      return undefined;
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> })?.errors : undefined;
    }
  };

  return <TerritoryForm record={formValuesOf(record)} onSubmit={save} editing />;
};

export const TerritoryEdit = () => (
  <Edit mutationMode="pessimistic">
    <EditForm />
  </Edit>
);
