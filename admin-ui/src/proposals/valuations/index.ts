import ValuationIcon from '@mui/icons-material/FactCheck';
import type { Proposal } from '../../types';
import { ValuationList } from './ValuationList';
import { ValuationShow } from './ValuationShow';

/** The valuator's screens: the proposals assigned to them, and each one's answer and notes. */
export default {
  list: ValuationList,
  show: ValuationShow,
  icon: ValuationIcon,
  recordRepresentation: (record: Proposal) => record.title,
};

export { isValuator, withValuatorPermission } from './valuatorPermission';
