import type { Organization } from '@convergences/contracts';
import { Edit, HttpError, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { apiRequest } from '../dataProvider';
import { formValuesOf, OrganizationForm, toOrganizationInput, type OrganizationFormValues } from './OrganizationForm';

/** Saves with `PATCH /organizations/{id}`; field errors of the API show next to their inputs. */
const EditForm = () => {
  const record = useRecordContext<Organization>();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record) return null;

  const save = async (values: OrganizationFormValues) => {
    try {
      await apiRequest<Organization>(`/organizations/${encodeURIComponent(record.id)}`, {
        method: 'PATCH',
        body: toOrganizationInput(values),
      });
      notify('ra.notification.updated', { type: 'success', messageArgs: { smart_count: 1 } });
      redirect('show', 'organizations', record.id);
      return undefined;
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> })?.errors : undefined;
    }
  };

  return <OrganizationForm record={formValuesOf(record)} onSubmit={save} />;
};

export const OrganizationEdit = () => (
  <Edit mutationMode="pessimistic">
    <EditForm />
  </Edit>
);
