import type { Verification } from '@convergences/contracts';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** Valid, or revoked or expired. */
export const ActiveChip = () => {
  const record = useRecordContext<Verification>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.active ? 'success' : 'default'}
      label={translate(record.active ? 'app.verification.active' : 'app.verification.inactive')}
    />
  );
};

/** A translated label, for the kind and method columns. */
export const VerificationText = ({ id }: { id: string }) => <>{useTranslate()(id)}</>;
