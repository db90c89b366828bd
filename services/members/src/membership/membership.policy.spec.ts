import { answeredByPerson, assertKeepsAnAdmin } from './membership.policy';

const codeOf = (action: () => void) => {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('assertKeepsAnAdmin', () => {
  const admin = { role: 'admin', status: 'active' } as const;
  const member = { role: 'member', status: 'active' } as const;

  it('refuses that the last admin leaves, is removed or is demoted', () => {
    expect(codeOf(() => assertKeepsAnAdmin(admin, { leaves: true }, 1))).toBe('last_admin');
    expect(codeOf(() => assertKeepsAnAdmin(admin, { role: 'member' }, 1))).toBe('last_admin');
  });

  it('lets an admin go when another one stays', () => {
    expect(codeOf(() => assertKeepsAnAdmin(admin, { leaves: true }, 2))).toBeUndefined();
    expect(codeOf(() => assertKeepsAnAdmin(admin, { role: 'member' }, 2))).toBeUndefined();
  });

  it('does not count members, pending admins or a role that stays admin', () => {
    expect(codeOf(() => assertKeepsAnAdmin(member, { leaves: true }, 1))).toBeUndefined();
    expect(codeOf(() => assertKeepsAnAdmin({ role: 'admin', status: 'invited' }, { leaves: true }, 1))).toBeUndefined();
    expect(codeOf(() => assertKeepsAnAdmin(admin, { role: 'admin' }, 1))).toBeUndefined();
  });
});

describe('answeredByPerson', () => {
  it('asks the person to answer invitations, and organisation admins to answer requests', () => {
    expect(answeredByPerson('invited')).toBe(true);
    expect(answeredByPerson('requested')).toBe(false);
  });
});
