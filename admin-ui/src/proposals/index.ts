import ProposalIcon from '@mui/icons-material/Lightbulb';
import type { Proposal } from '../types';
import { OfficialProposalCreate } from './official/OfficialProposalCreate';
import { ProposalList } from './ProposalList';
import { ProposalShow } from './ProposalShow';

// Participants submit proposals on the public site; the back office creates only official ones,
// published by a process admin in the name of the process's organiser.
export default {
  list: ProposalList,
  show: ProposalShow,
  create: OfficialProposalCreate,
  icon: ProposalIcon,
  recordRepresentation: (record: Proposal) => record.title,
};
