import type { MePerson, PersonalDataExport, Proposal } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api } from '../support/api';
import { platformState } from '../support/platform-state';

// carole exists for this file only: other files share the platform and its demo users, so no
// other account is ever deleted here.
const demoSlug = 'innover-ensemble-pour-nos-territoires';
type Problem = { status: number; code: string; message: string };

describe('personal data rights through the gateway', () => {
  let carole: MePerson;
  let proposal: Proposal;

  beforeAll(async () => {
    const me = await api<MePerson>('GET', '/api/v1/me', { as: 'carole' });
    expect(me.status).toBe(200);
    carole = me.body;
    const created = await api<Proposal>('POST', `/api/v1/processes/${demoSlug}/proposals`, {
      as: 'carole',
      body: { title: 'Une recyclerie dans chaque canton', body: 'Réparer plutôt que jeter, près de chez soi.' },
    });
    expect(created.status).toBe(201);
    proposal = created.body;
  });

  it('exports everything the platform holds about the person, as a JSON download', async () => {
    const response = await api<PersonalDataExport>('GET', '/api/v1/me/export', { as: 'carole' });
    expect(response.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="convergences-export-${carole.nickname}-${today}.json"`,
    );
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const exported = response.body;
    expect(Date.parse(exported.exportedAt)).not.toBeNaN();
    expect(exported.person).toMatchObject({ id: carole.id, email: 'carole@convergences.test', nickname: 'carole' });
    expect(Object.keys(exported.services).sort()).toEqual([
      'debates',
      'evaluations',
      'members',
      'processes',
      'proposals',
    ]);
    expect(exported.services.members).toMatchObject({
      profile: { email: 'carole@convergences.test' },
      memberships: [],
    });
    expect(exported.services.processes).toMatchObject({
      createdProcesses: [],
      processRoles: [],
      processInvitations: [],
    });
    expect(exported.services.proposals).toMatchObject({
      proposals: [expect.objectContaining({ id: proposal.id, title: 'Une recyclerie dans chaque canton' })],
    });
    expect(exported.services.debates).toEqual({});
    expect(exported.services.evaluations).toEqual({});
  });

  it('fails the whole export with 503 when one service does not answer, never a partial one', async () => {
    const state = platformState();
    const pid = state.pids.debates;
    // Frozen, not killed: nothing else uses debates yet, and it answers again once resumed.
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const response = await api<Problem>('GET', '/api/v1/me/export', { as: 'carole' });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ code: 'service_unavailable' });
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(Date.now() - started).toBeLessThan(Number(state.env.REQUEST_TIMEOUT_MS) + 1500);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await eventually(async () => expect((await api('GET', '/api/v1/me/export', { as: 'carole' })).status).toBe(200));
  });

  it('refuses an export or a deletion without a token', async () => {
    expect((await api<Problem>('GET', '/api/v1/me/export')).body).toMatchObject({ status: 401 });
    expect((await api<Problem>('DELETE', '/api/v1/me')).body).toMatchObject({ status: 401 });
  });

  it('deletes the account: anonymised, the proposal kept under "Compte supprimé", the token refused', async () => {
    const deleted = await api('DELETE', '/api/v1/me', { as: 'carole' });
    expect(deleted.status).toBe(204);

    const refused = await api<Problem>('GET', '/api/v1/me', { as: 'carole' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'account_deleted' });
    const exportRefused = await api<Problem>('GET', '/api/v1/me/export', { as: 'carole' });
    expect(exportRefused.status).toBe(403);
    expect(exportRefused.body).toMatchObject({ code: 'account_deleted' });
    expect((await api('GET', '/api/v1/people/carole')).status).toBe(404);

    await eventually(async () => {
      const seen = await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ title: 'Une recyclerie dans chaque canton', authorName: 'Compte supprimé' });
    }, 10_000);

    const record = await api<MePerson & { blocked: boolean }>('GET', `/api/v1/people/${carole.id}`, { as: 'admin' });
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ displayName: 'Compte supprimé', email: null, bio: null });
    expect(record.body.nickname).toMatch(/^deleted-[0-9a-f]{20}$/);

    // Deleting again answers 204 and changes nothing.
    expect((await api('DELETE', '/api/v1/me', { as: 'carole' })).status).toBe(204);
    expect((await api('GET', `/api/v1/people/${carole.id}`, { as: 'admin' })).body).toEqual(record.body);
  });
});
