import { Create } from 'react-admin';
import { OrganizationForm, toOrganizationInput, type OrganizationFormValues } from './OrganizationForm';

export const OrganizationCreate = () => (
  <Create transform={(values: OrganizationFormValues) => toOrganizationInput(values)} redirect="show">
    <OrganizationForm />
  </Create>
);
