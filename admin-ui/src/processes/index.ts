import ProcessIcon from '@mui/icons-material/Campaign';
import type { Process } from '../types';
import { ProcessCreate } from './ProcessCreate';
import { ProcessEdit } from './ProcessEdit';
import { ProcessList } from './ProcessList';
import { ProcessShow } from './ProcessShow';

export default {
  list: ProcessList,
  create: ProcessCreate,
  edit: ProcessEdit,
  show: ProcessShow,
  icon: ProcessIcon,
  recordRepresentation: (record: Process) => record.title?.fr ?? record.slug,
};
