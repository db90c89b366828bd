import HistoryIcon from '@mui/icons-material/History';
import { ActivityList } from './ActivityList';

/** The platform's activity log, for platform admins. */
export default {
  list: ActivityList,
  icon: HistoryIcon,
};
