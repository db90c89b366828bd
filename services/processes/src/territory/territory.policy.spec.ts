import type { Actor } from '@convergences/contracts';
import { assertMayManageTerritories } from './territory.policy';

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

describe('territory policy', () => {
  it('keeps managing territories to platform admins', () => {
    expect(codeOf(() => assertMayManageTerritories(null))).toBe('unauthenticated');
    expect(codeOf(() => assertMayManageTerritories(actor([])))).toBe('forbidden');
    expect(codeOf(() => assertMayManageTerritories(actor(['participant'])))).toBe('forbidden');
    expect(codeOf(() => assertMayManageTerritories(actor(['Admin', 'territory-admin'])))).toBe('forbidden');
    expect(codeOf(() => assertMayManageTerritories(actor(['admin'])))).toBeUndefined();
    expect(codeOf(() => assertMayManageTerritories(actor(['participant', 'admin'])))).toBeUndefined();
  });
});
