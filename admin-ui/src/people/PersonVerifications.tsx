import { Typography } from '@mui/material';
import { Pagination, ReferenceManyField, useTranslate } from 'react-admin';
import { VerificationTable } from '../verifications/VerificationTable';

const NoVerification = () => (
  <Typography variant="body2" color="text.secondary">
    {useTranslate()('app.person.noVerification')}
  </Typography>
);

/** The person's verifications, valid or not, newest first; each can be revoked from here. */
export const PersonVerifications = () => (
  <ReferenceManyField
    reference="verifications"
    target="personId"
    label="app.person.verifications"
    sort={{ field: 'id', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
    empty={<NoVerification />}
  >
    <VerificationTable />
  </ReferenceManyField>
);
