import ThemeIcon from '@mui/icons-material/Category';
import type { Theme } from '@convergences/contracts';
import { ThemeCreate } from './ThemeCreate';
import { ThemeEdit } from './ThemeEdit';
import { ThemeList } from './ThemeList';

export default {
  list: ThemeList,
  create: ThemeCreate,
  edit: ThemeEdit,
  icon: ThemeIcon,
  recordRepresentation: (record: Theme) => record.name.fr,
};
