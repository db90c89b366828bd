import TerritoryIcon from '@mui/icons-material/Place';
import type { Territory } from '@convergences/contracts';
import { TerritoryCreate } from './TerritoryCreate';
import { TerritoryEdit } from './TerritoryEdit';
import { TerritoryList } from './TerritoryList';

export default {
  list: TerritoryList,
  create: TerritoryCreate,
  edit: TerritoryEdit,
  icon: TerritoryIcon,
  recordRepresentation: (record: Territory) => record.name,
};
