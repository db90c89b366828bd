import type { Actor } from '@convergences/contracts';
import { assertMayManageThemes } from './theme.policy';

const actor = (roles: string[]): Actor => ({
  personId: '01900000-0000-7000-8000-000000000001',
  subject: 'sub-1',
  username: 'someone',
  displayName: 'Someone',
  roles,
  locale: 'fr',
});

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('theme policy', () => {
  it('keeps managing themes to platform admins', () => {
    expect(codeOf(() => assertMayManageThemes(null))).toBe('unauthenticated');
    expect(codeOf(() => assertMayManageThemes(actor([])))).toBe('forbidden');
    expect(codeOf(() => assertMayManageThemes(actor(['participant'])))).toBe('forbidden');
    expect(codeOf(() => assertMayManageThemes(actor(['administrator'])))).toBe('forbidden');
    expect(codeOf(() => assertMayManageThemes(actor(['admin'])))).toBeUndefined();
    expect(codeOf(() => assertMayManageThemes(actor(['participant', 'admin'])))).toBeUndefined();
  });
});
