import ProposalIcon from '@mui/icons-material/Lightbulb';
import type { Proposal } from '../types';
import { ProposalList } from './ProposalList';
import { ProposalShow } from './ProposalShow';

// Proposals are submitted by participants on the public site: the back office lists and shows
// them (the API has no back-office creation endpoint).
export default {
  list: ProposalList,
  show: ProposalShow,
  icon: ProposalIcon,
  recordRepresentation: (record: Proposal) => record.title,
};
