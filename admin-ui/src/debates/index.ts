import DebateIcon from '@mui/icons-material/Forum';
import type { Debate } from '@convergences/contracts';
import { pickTranslation } from '../common';
import { DebateCreate } from './DebateCreate';
import { DebateEdit } from './DebateEdit';
import { DebateList } from './DebateList';
import { DebateShow } from './DebateShow';

// Participants open debates on the public site; the back office opens official ones (in the name
// of the process's organiser), edits them, adds information updates, closes and reopens debates.
export default {
  list: DebateList,
  show: DebateShow,
  create: DebateCreate,
  edit: DebateEdit,
  icon: DebateIcon,
  recordRepresentation: (record: Debate) => pickTranslation(record.title, 'fr'),
};

export { ProcessDebatesPanel } from './ProcessDebatesPanel';
export { administeredProcessesOf, isDebateAdmin, withProcessAdminPermission } from './processAdminPermission';
