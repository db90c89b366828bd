import { Create } from 'react-admin';
import { TerritoryForm, toTerritoryInput, type TerritoryFormValues } from './TerritoryForm';

export const TerritoryCreate = () => (
  <Create transform={(values: TerritoryFormValues) => toTerritoryInput(values)} redirect="list">
    <TerritoryForm />
  </Create>
);
