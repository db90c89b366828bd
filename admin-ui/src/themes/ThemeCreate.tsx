import { Create } from 'react-admin';
import { ThemeForm, toThemeInput, type ThemeFormValues } from './ThemeForm';

export const ThemeCreate = () => (
  <Create transform={(values: ThemeFormValues) => toThemeInput(values)} redirect="list">
    <ThemeForm defaultValues={{ colour: '#2e7d32' }} />
  </Create>
);
