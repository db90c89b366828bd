import type { ParticipantAction, ProcessRole, ProcessStatus, ProcessVisibility } from '../types';

// The contracts reach the browser as types only: every value is listed here, checked against them.
const statuses: Record<ProcessStatus, true> = { draft: true, published: true, closed: true };
const visibilities: Record<ProcessVisibility, true> = { public: true, private: true };
const roles: Record<ProcessRole, true> = { admin: true, collaborator: true, moderator: true, valuator: true };
const actions: Record<ParticipantAction, true> = {
  create_proposal: true,
  support_proposal: true,
  endorse_proposal: true,
  create_debate: true,
  comment: true,
};

const choicesOf = <T extends string>(values: Record<T, true>, prefix: string) =>
  (Object.keys(values) as T[]).map((value) => ({ id: value, name: `${prefix}.${value}` }));

export const statusChoices = choicesOf(statuses, 'app.process.status');
/** A process is created as a draft or published at once; it is closed later, from its page. */
export const createStatusChoices = statusChoices.filter((choice) => choice.id !== 'closed');
export const visibilityChoices = choicesOf(visibilities, 'app.process.visibility');
export const roleChoices = choicesOf(roles, 'app.processRole.role');
export const participantActionNames = Object.keys(actions) as ParticipantAction[];
