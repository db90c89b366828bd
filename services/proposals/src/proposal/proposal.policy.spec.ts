import { DomainError, type Actor, type Process } from '@convergences/contracts';
import { assertMayCreateProposal } from './proposal.policy';

const participant: Actor = {
  personId: '01900000-0000-7000-8000-000000000002',
  subject: 'sub-alice',
  username: 'alice',
  displayName: 'Alice Vernadet',
  roles: ['participant'],
  locale: 'fr',
};

const process = (status: Process['status']): Process => ({
  id: '01900000-0000-7000-8000-0000000000aa',
  slug: 'budget-participatif-de-rodez',
  title: { fr: 'Budget participatif de Rodez' },
  description: { fr: 'Une concertation.' },
  status,
  proposalsCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: status === 'published' ? '2026-01-02T00:00:00.000Z' : null,
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

describe('assertMayCreateProposal', () => {
  it('lets any signed-in participant propose in a published process', () => {
    expect(failureOf(() => assertMayCreateProposal(participant, process('published')))).toBeUndefined();
    expect(
      failureOf(() => assertMayCreateProposal({ ...participant, roles: [] }, process('published'))),
    ).toBeUndefined();
  });

  it('asks anonymous callers to sign in, whatever the process', () => {
    expect(failureOf(() => assertMayCreateProposal(null, process('published')))?.code).toBe('unauthenticated');
    expect(failureOf(() => assertMayCreateProposal(null, process('draft')))?.code).toBe('unauthenticated');
  });

  it('refuses proposals to a draft, naming the process', () => {
    const failure = failureOf(() => assertMayCreateProposal(participant, process('draft')));
    expect(failure?.code).toBe('process_not_published');
    expect(failure?.details).toEqual({ processId: '01900000-0000-7000-8000-0000000000aa' });
  });

  it('refuses proposals to a draft even from an administrator', () => {
    const admin = { ...participant, username: 'admin', roles: ['admin', 'participant'] };
    expect(failureOf(() => assertMayCreateProposal(admin, process('draft')))?.code).toBe('process_not_published');
  });
});
