import {
  assertAllowed,
  builtInAnswerStates,
  DomainError,
  type Actor,
  type FieldError,
  type ParticipationSnapshot,
  type PermissionDecision,
} from '@convergences/contracts';

/*
 * The rules of official answers: who answers (the process's admins; a valuator drafts for the
 * proposals they are in charge of), what an answer must say, and when it is shown.
 */

/** The proposal as the answer rules see it. */
export interface AnswerableProposal {
  state: 'draft' | 'published' | 'withdrawn';
  answerPublishedAt: Date | null;
}

/** What an answer says. */
export interface AnswerContent {
  state: string;
  body?: unknown;
  costCents?: number;
  costReport?: unknown;
  executionPeriod?: string;
}

/** `admin`: answers and publishes; `valuator`: drafts a held answer on a proposal assigned to them. */
export type Answerer = 'admin' | 'valuator';

export function assertSignedIn(actor: Actor | null, what = 'answer proposals'): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${what}.`);
}

/**
 * The process's admins (and platform admins) answer; a valuator only the proposals assigned to
 * them. Any refusal other than a missing role (blocked, not found…) is the person's problem as is.
 */
export function answererOf(
  asAdmin: PermissionDecision,
  asValuator: PermissionDecision | undefined,
  assigned: boolean,
): Answerer {
  if (!asAdmin.allowed && asAdmin.reason === 'role_required' && asValuator?.allowed) {
    if (assigned) return 'valuator';
    throw new DomainError(
      'forbidden',
      'This proposal is not assigned to you: valuators work on their own proposals only.',
    );
  }
  assertAllowed(asAdmin);
  return 'admin';
}

/** Drafts are their author's alone; a withdrawn proposal is answered no more. */
export function assertAnswerable(proposal: AnswerableProposal | undefined): asserts proposal is AnswerableProposal {
  if (!proposal || proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
  if (proposal.state === 'withdrawn') {
    throw new DomainError('proposal_withdrawn', 'This proposal was withdrawn by its author: it takes no answer.');
  }
}

/** A valuator's answer is a draft: it never replaces an answer already made public. */
export function assertValuatorMayDraft(answerer: Answerer, proposal: AnswerableProposal, publish?: boolean): void {
  if (answerer !== 'valuator') return;
  if (publish) throw new DomainError('forbidden', 'Valuators draft answers; the process’s admins publish them.');
  if (proposal.answerPublishedAt) {
    throw new DomainError('conflict', 'This proposal’s answer is published: only the process’s admins change it.');
  }
}

/**
 * What is wrong with an answer in this process: a state it does not know, a rejection without a
 * text, and, where answers state their costs, an acceptance without cost, cost report and period.
 */
export function answerProblems(
  answer: AnswerContent,
  customStates: ReadonlySet<string>,
  answersWithCosts: boolean,
): FieldError[] {
  const problems: FieldError[] = [];
  const known = (builtInAnswerStates as readonly string[]).includes(answer.state) || customStates.has(answer.state);
  if (!known) {
    problems.push({ path: 'state', message: `"${answer.state}" is neither a built-in state nor one of this process` });
  }
  if (answer.state === 'rejected' && !answer.body) {
    problems.push({ path: 'body', message: 'a rejection needs an answer text' });
  }
  if (answersWithCosts && answer.state === 'accepted') {
    if (answer.costCents === undefined)
      problems.push({ path: 'costCents', message: 'an accepted answer states its cost' });
    if (!answer.costReport) problems.push({ path: 'costReport', message: 'an accepted answer has a cost report' });
    if (!answer.executionPeriod) {
      problems.push({ path: 'executionPeriod', message: 'an accepted answer has an execution period' });
    }
  }
  return problems;
}

export function assertValidAnswer(
  answer: AnswerContent,
  customStates: ReadonlySet<string>,
  answersWithCosts: boolean,
): void {
  const problems = answerProblems(answer, customStates, answersWithCosts);
  if (problems.length > 0) throw new DomainError('validation_failed', 'The answer is invalid.', undefined, problems);
}

/**
 * Whether an answer is shown at once: an admin's choice when they make one, otherwise the active
 * phase's `answersPublished`; a valuator's draft never.
 */
export function publishesAtOnce(
  answerer: Answerer,
  publish: boolean | undefined,
  participation: Pick<ParticipationSnapshot, 'rules'>,
): boolean {
  if (answerer === 'valuator') return false;
  return publish ?? participation.rules?.proposals.answersPublished ?? false;
}
