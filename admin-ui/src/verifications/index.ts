import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import type { Verification } from '@convergences/contracts';
import { CensusImport } from './CensusImport';
import { VerificationList } from './VerificationList';

// Verifications are granted from the list (a dialog) or by census import (the resource's
// "create" screen, since an import is how verifications are created in bulk); they are revoked
// from the list.
export default {
  list: VerificationList,
  create: CensusImport,
  icon: VerifiedUserIcon,
  recordRepresentation: (record: Verification) => `${record.personName} — ${record.kind}`,
};
