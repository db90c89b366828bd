import type { Theme } from '@convergences/contracts';
import { Edit, HttpError, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { apiRequest } from '../dataProvider';
import { formValuesOf, ThemeForm, toThemeInput, type ThemeFormValues } from './ThemeForm';

/** Saves with `PATCH /themes/{id}`; field errors of the API (a parent under the theme itself) show next to their inputs. */
const EditForm = () => {
  const record = useRecordContext<Theme>();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record) return null;

  const save = async (values: ThemeFormValues) => {
    try {
      await apiRequest<Theme>(`/themes/${encodeURIComponent(record.id)}`, {
        method: 'PATCH',
        body: toThemeInput(values),
      });
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('list', 'themes');
      return undefined;
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> })?.errors : undefined;
    }
  };

  return <ThemeForm record={formValuesOf(record)} onSubmit={save} />;
};

export const ThemeEdit = () => (
  <Edit mutationMode="pessimistic">
    <EditForm />
  </Edit>
);
