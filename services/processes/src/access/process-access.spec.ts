import type { Actor } from '@convergences/contracts';
import { holdsRole, mayAdminister, maySeeProcess } from './process-access';
import type { ProcessStanding } from './process-access.repository';

const actor = (roles: string[]): Actor => ({
  personId: '01900000-0000-7000-8000-000000000001',
  subject: 'sub-1',
  username: 'someone',
  displayName: 'Someone',
  roles,
  locale: 'fr',
});
const platformAdmin = actor(['admin', 'participant']);
const participant = actor(['participant']);
const standing = (overrides: Partial<ProcessStanding> = {}): ProcessStanding => ({
  roles: [],
  invited: false,
  blocked: false,
  ...overrides,
});

describe('maySeeProcess', () => {
  const published = { status: 'published', visibility: 'public' } as const;
  const privateOne = { status: 'published', visibility: 'private' } as const;
  const draft = { status: 'draft', visibility: 'public' } as const;

  it('shows public published processes to everyone, anonymous callers included', () => {
    expect(maySeeProcess(null, published, standing())).toBe(true);
    expect(maySeeProcess(participant, published, standing())).toBe(true);
  });

  it('shows private processes only to invited people and role holders', () => {
    expect(maySeeProcess(null, privateOne, standing())).toBe(false);
    expect(maySeeProcess(participant, privateOne, standing())).toBe(false);
    expect(maySeeProcess(participant, privateOne, standing({ invited: true }))).toBe(true);
    expect(maySeeProcess(participant, privateOne, standing({ roles: ['valuator'] }))).toBe(true);
    expect(maySeeProcess(platformAdmin, privateOne, standing())).toBe(true);
  });

  it('hides drafts from invited people, showing them to role holders and platform admins', () => {
    expect(maySeeProcess(participant, draft, standing({ invited: true }))).toBe(false);
    expect(maySeeProcess(participant, draft, standing({ roles: ['collaborator'] }))).toBe(true);
    expect(maySeeProcess(platformAdmin, draft, standing())).toBe(true);
  });
});

describe('mayAdminister and holdsRole', () => {
  it('lets platform admins and process admins run the process, nobody else', () => {
    expect(mayAdminister(platformAdmin, standing())).toBe(true);
    expect(mayAdminister(participant, standing({ roles: ['admin'] }))).toBe(true);
    expect(mayAdminister(participant, standing({ roles: ['moderator', 'collaborator'] }))).toBe(false);
    expect(mayAdminister(null, standing())).toBe(false);
  });

  it('gives admins every role and others only their own', () => {
    expect(holdsRole(participant, standing({ roles: ['moderator'] }), 'moderator')).toBe(true);
    expect(holdsRole(participant, standing({ roles: ['moderator'] }), 'valuator')).toBe(false);
    expect(holdsRole(participant, standing({ roles: ['admin'] }), 'valuator')).toBe(true);
  });
});
