import { Create } from 'react-admin';
import { ProcessForm } from './ProcessForm';
import { toProcessInput, type ProcessFormValues } from './processFormValues';

/** `POST /processes`; field errors of the API show next to their inputs. */
export const ProcessCreate = () => (
  <Create transform={(values: ProcessFormValues) => toProcessInput(values)} redirect="show">
    <ProcessForm creating />
  </Create>
);
