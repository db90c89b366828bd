import { DomainError, type MyProcessRole, type PermissionDecision } from '@convergences/contracts';
import { processesAllowedToValuate, processesWithValuatingRole } from './valuation.policy';

const [budget, transition, mobility] = [
  '01900000-0000-7000-8000-0000000000a1',
  '01900000-0000-7000-8000-0000000000a2',
  '01900000-0000-7000-8000-0000000000a3',
];
const held = (processId: string, roles: MyProcessRole['roles']): MyProcessRole => ({
  processId,
  slug: processId,
  title: { fr: 'Un processus' },
  roles,
});
const allowed = (processId: string): PermissionDecision => ({
  allowed: true,
  processId,
  action: 'valuate',
  phaseId: null,
});
const refused = (processId: string, reason: 'blocked_person' | 'role_required'): PermissionDecision => ({
  allowed: false,
  processId,
  action: 'valuate',
  phaseId: null,
  reason,
  message: 'Refused.',
});

function failureOf(action: () => void): DomainError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
}

describe('where a valuator works', () => {
  it('looks at the processes where they are valuator or admin, not moderator nor collaborator', () => {
    expect(
      processesWithValuatingRole([
        held(budget, ['valuator']),
        held(transition, ['moderator', 'collaborator']),
        held(mobility, ['admin']),
      ]),
    ).toEqual([budget, mobility]);
  });

  it('keeps the processes the permission check allows', () => {
    expect(
      processesAllowedToValuate([allowed(budget), refused(transition, 'role_required'), allowed(mobility)]),
    ).toEqual([budget, mobility]);
  });

  it('refuses with role_required when there is no process to valuate in', () => {
    expect(failureOf(() => processesAllowedToValuate([]))?.code).toBe('role_required');
  });

  it('refuses with the first refusal when every process refuses', () => {
    const failure = failureOf(() =>
      processesAllowedToValuate([refused(budget, 'blocked_person'), refused(transition, 'blocked_person')]),
    );
    expect(failure).toMatchObject({ code: 'blocked_person', details: { processId: budget, action: 'valuate' } });
  });
});
