/** The shapes the gateway's REST API answers with: the platform's own contracts, types only. */
import type {
  answerProposalBodySchema,
  createAnswerStateBodySchema,
  createOfficialProposalBodySchema,
  Me as MeAnswer,
  CreateProcessRequest,
  FieldError,
  copyProcessBodySchema,
  createPhaseBodySchema,
  updatePhaseBodySchema,
  updateAnswerStateBodySchema,
  updateProcessBodySchema,
} from '@convergences/contracts';
import type { z } from 'zod';

export type { Locale, Page, PageMeta, Process, ProcessStatus, Proposal, TranslatedText } from '@convergences/contracts';

/** What the process form sends. */
export type ProcessInput = CreateProcessRequest;

export type {
  ParticipantAction,
  ParticipationSettings,
  Phase,
  PhaseRules,
  ProcessInvitation,
  ProcessRole,
  ProcessRoleAssignment,
  ProcessVisibility,
} from '@convergences/contracts';

/** What `PATCH /processes/{id}` takes: any editable field. */
export type ProcessUpdate = z.input<typeof updateProcessBodySchema>;
/** What `POST /processes/{id}/copy` takes. */
export type ProcessCopyInput = z.input<typeof copyProcessBodySchema>;
/** What `POST /processes/{id}/phases` takes. */
export type PhaseInput = z.input<typeof createPhaseBodySchema>;
/** What `PATCH /processes/{id}/phases/{phaseId}` takes. */
export type PhaseUpdate = z.input<typeof updatePhaseBodySchema>;

/** The signed-in person as the gateway knows them (`GET /me`), with the processes where they hold roles. */
export type Me = MeAnswer;

/** RFC 9457 problem details, as every error of the API is shaped. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  /** What a refusal adds for the caller to act on (a framework's gaps, the existing draft's id…). */
  details?: Record<string, unknown>;
}

/** What `PUT /proposals/{id}/answer` takes. */
export type AnswerInput = z.input<typeof answerProposalBodySchema>;
/** What `POST /processes/{id}/answer-states` takes. */
export type AnswerStateInput = z.input<typeof createAnswerStateBodySchema>;
/** What `PATCH /processes/{id}/answer-states/{key}` takes. */
export type AnswerStateUpdate = z.input<typeof updateAnswerStateBodySchema>;
/** What `POST /processes/{id}/proposals/official` takes. */
export type OfficialProposalInput = z.input<typeof createOfficialProposalBodySchema>;

export type {
  AnswerState,
  AnswersImportReport,
  Endorsement,
  ProposalAnswer,
  Valuation,
  ValuationNote,
  ValuatorAssignment,
} from '@convergences/contracts';
