import ModerationIcon from '@mui/icons-material/Flag';
import { ModerationList } from './ModerationList';

/** The moderation queue: reported and hidden content, and the decisions on it. */
export default {
  list: ModerationList,
  icon: ModerationIcon,
};

export { isModerator, withModeratorPermission } from './moderatorPermission';
