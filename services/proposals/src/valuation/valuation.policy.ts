import {
  assertAllowed,
  DomainError,
  type MyProcessRole,
  type PermissionDecision,
  type ProcessRole,
} from '@convergences/contracts';

/*
 * Where a valuator works: the processes whose proposals they may study now. Valuating is a
 * process role (process admins hold every role); the permission check of each process has the
 * last word (a blocked person valuates nowhere).
 */

const valuatingRoles: readonly ProcessRole[] = ['valuator', 'admin'];

/** The processes where a person's roles may let them valuate, to be checked one by one. */
export function processesWithValuatingRole(held: readonly MyProcessRole[]): string[] {
  return held
    .filter((entry) => entry.roles.some((role) => valuatingRoles.includes(role)))
    .map((entry) => entry.processId);
}

/**
 * The processes the permission check lets the caller valuate in. None to check: `role_required`;
 * every one refused: the first refusal as it is (`blocked_person`…).
 */
export function processesAllowedToValuate(decisions: readonly PermissionDecision[]): string[] {
  const allowed = decisions.filter((decision) => decision.allowed).map((decision) => decision.processId);
  if (allowed.length > 0) return allowed;
  const refusal = decisions.find((decision) => !decision.allowed);
  if (refusal) assertAllowed(refusal);
  throw new DomainError('role_required', 'This needs the valuator role in a process.');
}
