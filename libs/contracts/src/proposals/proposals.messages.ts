import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  answerProposalRequestSchema,
  answersImportReportSchema,
  answerStateListSchema,
  answerStateRefSchema,
  answerStateSchema,
  answerStatesRequestSchema,
  createAnswerStateRequestSchema,
  createOfficialProposalRequestSchema,
  importAnswersRequestSchema,
  publishAnswersRequestSchema,
  publishedAnswersSchema,
  updateAnswerStateRequestSchema,
} from './answer';
import {
  endorseProposalRequestSchema,
  endorsementListQuerySchema,
  endorsementSchema,
  withdrawEndorsementRequestSchema,
} from './endorsement';
import {
  createProposalRequestSchema,
  proposalIdSchema,
  proposalListQuerySchema,
  proposalSchema,
  similarProposalsQuerySchema,
  similarProposalsSchema,
  updateProposalRequestSchema,
} from './proposal';
import {
  proposalExportChunkRequestSchema,
  proposalExportChunkSchema,
  proposalExportCsvChunkRequestSchema,
  proposalExportCsvChunkSchema,
} from './proposal-export';
import { proposalMapChunkRequestSchema, proposalMapChunkSchema } from './proposal-map';
import {
  mySupportsRequestSchema,
  mySupportsSchema,
  supportRequestSchema,
  supportSchema,
  supportWithdrawalSchema,
} from './support';

import {
  addValuationNoteRequestSchema,
  assignValuatorRequestSchema,
  myValuationsQuerySchema,
  unassignValuatorRequestSchema,
  valuationNoteSchema,
  valuationRequestSchema,
  valuationSchema,
  valuatorAssignmentSchema,
  valuatorRemovalSchema,
} from './valuation';

/** Messages of the proposals service. */
export const proposalsMessages = {
  'proposals.proposal.create': { request: createProposalRequestSchema, response: proposalSchema },
  'proposals.proposal.list': { request: proposalListQuerySchema, response: pageSchema(proposalSchema) },
  'proposals.proposal.get': { request: proposalIdSchema, response: proposalSchema },
  /** The list's filters as GeoJSON points within a bounding box, chunk after chunk (the gateway streams them). */
  'proposals.proposal.mapChunk': { request: proposalMapChunkRequestSchema, response: proposalMapChunkSchema },
  /** Public: the next chunk of a process's published and withdrawn proposals, for a streamed export. */
  'proposals.proposal.exportChunk': { request: proposalExportChunkRequestSchema, response: proposalExportChunkSchema },
  /** Public: the same export's next CSV lines, written by the service (the gateway passes them through). */
  'proposals.proposal.exportCsvChunk': {
    request: proposalExportCsvChunkRequestSchema,
    response: proposalExportCsvChunkSchema,
  },
  /** Its author: a draft at any time, a published proposal within the edit window while unsupported and unanswered. */
  'proposals.proposal.update': { request: updateProposalRequestSchema, response: proposalSchema },
  /** Its author publishes their draft (reference given, proposal limit checked). */
  'proposals.proposal.publish': { request: proposalIdSchema, response: proposalSchema },
  /** Its author withdraws a published proposal, for good. */
  'proposals.proposal.withdraw': { request: proposalIdSchema, response: proposalSchema },
  /** Its author deletes their draft (answers it as it was). */
  'proposals.proposal.deleteDraft': { request: proposalIdSchema, response: proposalSchema },
  /** Up to 5 published proposals of the process like the given title and body, best first. */
  'proposals.proposal.similar': { request: similarProposalsQuerySchema, response: similarProposalsSchema },
  'proposals.endorsement.create': { request: endorseProposalRequestSchema, response: endorsementSchema },
  /** Answers the endorsement taken back. */
  'proposals.endorsement.delete': { request: withdrawEndorsementRequestSchema, response: endorsementSchema },
  /** Public: who endorsed a proposal. */
  'proposals.endorsement.list': { request: endorsementListQuerySchema, response: pageSchema(endorsementSchema) },
  /** The caller supports a published proposal, within the rules of the phase and the process. */
  'proposals.support.give': { request: supportRequestSchema, response: supportSchema },
  /** The caller takes their support back (nothing to take back is no error). */
  'proposals.support.withdraw': { request: supportRequestSchema, response: supportWithdrawalSchema },
  /** The caller's supports in a process, with what remains of their quota. */
  'proposals.support.mine': { request: mySupportsRequestSchema, response: mySupportsSchema },
  /** Process admins answer (published at once or held); an assigned valuator drafts a held answer. */
  'proposals.answer.give': { request: answerProposalRequestSchema, response: proposalSchema },
  /** Process admins publish every held answer of a process. */
  'proposals.answer.publishAll': { request: publishAnswersRequestSchema, response: publishedAnswersSchema },
  /** Process admins import answers from CSV, all or nothing; a dry run reports and changes nothing. */
  'proposals.answer.import': { request: importAnswersRequestSchema, response: answersImportReportSchema },
  'proposals.answerState.list': { request: answerStatesRequestSchema, response: answerStateListSchema },
  'proposals.answerState.create': { request: createAnswerStateRequestSchema, response: answerStateSchema },
  'proposals.answerState.update': { request: updateAnswerStateRequestSchema, response: answerStateSchema },
  /** A state no answer uses (409 otherwise). */
  'proposals.answerState.delete': { request: answerStateRefSchema, response: answerStateSchema },
  /** Process admins publish a proposal of the process's organiser. */
  'proposals.proposal.createOfficial': { request: createOfficialProposalRequestSchema, response: proposalSchema },
  'proposals.valuator.assign': { request: assignValuatorRequestSchema, response: valuatorAssignmentSchema },
  'proposals.valuator.unassign': { request: unassignValuatorRequestSchema, response: valuatorRemovalSchema },
  /** A proposal as its valuators and the process's admins see it: held answer, valuators, private notes. */
  'proposals.valuation.get': { request: valuationRequestSchema, response: valuationSchema },
  /** The proposals of a process assigned to the calling valuator. */
  'proposals.valuation.mine': { request: myValuationsQuerySchema, response: pageSchema(proposalSchema) },
  'proposals.valuation.addNote': { request: addValuationNoteRequestSchema, response: valuationNoteSchema },
} as const satisfies Record<string, MessageContract>;
