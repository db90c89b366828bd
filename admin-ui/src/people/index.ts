import PersonIcon from '@mui/icons-material/People';
import type { AdminPerson } from '@convergences/contracts';
import { PersonList } from './PersonList';
import { PersonShow } from './PersonShow';

// People register through the identity provider and edit their own profile: the back office
// lists and shows them, and blocks or unblocks them.
export default {
  list: PersonList,
  show: PersonShow,
  icon: PersonIcon,
  recordRepresentation: (record: AdminPerson) => `${record.displayName} (@${record.nickname})`,
};
