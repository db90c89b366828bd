import {
  DomainError,
  type Actor,
  type FrameworkStatus,
  type Proposal,
  type ValuatorAssignment,
} from '@convergences/contracts';

/*
 * The rules of valuations: the process's admins choose the framework (an adopted version, changed
 * only while no valuation is submitted); a valuator assigned to a proposal values it, alone, while
 * a draft; the process's admins read every valuation, a valuator their own. Pure: the use-cases
 * load the facts (the process's answer on who is admin, the proposals service's on who is assigned).
 */

/** Who reads and writes a valuation, as the rules see them. */
export interface ValuationReader {
  /** Its valuator. */
  isAuthor: boolean;
  /** An admin of the proposal's process (platform admins too). */
  isProcessAdmin: boolean;
}

export function assertSignedInToValue(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to value proposals.');
}

/** Only an adopted version is valued with: it never changes, so valuations stay comparable. */
export function assertAdoptedForValuation(framework: { status: FrameworkStatus; version: number } | undefined): void {
  if (!framework) {
    throw new DomainError('validation_failed', 'The valuation framework is invalid.', undefined, [
      { path: 'frameworkId', message: 'No such framework.' },
    ]);
  }
  if (framework.status !== 'adopted') {
    throw new DomainError('validation_failed', 'The valuation framework is invalid.', undefined, [
      {
        path: 'frameworkId',
        message: `Version ${framework.version} of this framework is a draft: valuators use adopted versions only.`,
      },
    ]);
  }
}

/**
 * Valuations submitted on a framework keep it: another one would make them incomparable with the
 * next. Drafts do not hold it (they are dropped with it).
 */
export function assertMayChangeValuationFramework(submitted: number): void {
  if (submitted > 0) {
    throw new DomainError(
      'conflict',
      `${submitted} ${submitted === 1 ? 'valuation was' : 'valuations were'} submitted with this process’s framework: it is kept.`,
      { submittedValuations: submitted },
    );
  }
}

/** Valuators value with the framework the process's admins chose; none chosen, none begun. */
export function assertValuationFrameworkChosen<T>(choice: T | undefined, processId: string): asserts choice is T {
  if (!choice) {
    throw new DomainError(
      'valuation_framework_missing',
      'This process has no valuation framework yet: its admins choose one before proposals are valued.',
      { processId },
    );
  }
}

/** A valuator values only the proposals assigned to them, admins of the process included. */
export function assertAssignedValuator(valuators: readonly ValuatorAssignment[], personId: string): void {
  if (!valuators.some((valuator) => valuator.personId === personId)) {
    throw new DomainError(
      'forbidden',
      'This proposal is not assigned to you: valuators value the proposals assigned to them only.',
    );
  }
}

/** A withdrawn proposal is valued no more (a valuation begun before stays as it was). */
export function assertValuable(proposal: Pick<Proposal, 'state'>): void {
  if (proposal.state === 'withdrawn') {
    throw new DomainError('proposal_withdrawn', 'This proposal was withdrawn by its author: it is valued no more.');
  }
}

/** A valuation is its valuator's to read, and the process's admins'; nobody else's. */
export function mayReadValuation(reader: ValuationReader): boolean {
  return reader.isAuthor || reader.isProcessAdmin;
}

/** A valuation is written by its valuator alone; the process's admins read it. */
export function assertValuationAuthor(reader: ValuationReader): void {
  if (!reader.isAuthor) throw new DomainError('forbidden', 'Only its valuator writes a valuation.');
}

/** A submitted valuation is frozen: it never changes. */
export function assertValuationDraft(valuation: { id: string; status: 'draft' | 'submitted' }): void {
  if (valuation.status === 'submitted') {
    throw new DomainError('assessment_submitted', 'This valuation is submitted: it is never changed.', {
      assessmentId: valuation.id,
    });
  }
}
