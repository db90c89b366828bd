// Similar proposals while typing: published proposals of the same process, ranked by title
// trigrams and full-text rank in each proposal's language, accents folded.
import type { Actor, Process } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { RunningService } from '@convergences/service-runtime';
import { type IsolatedRun, registerPerson, type ServiceProcess } from '@convergences/testing';
import { openPhase } from '@convergences/service-testing';
import { startProposalsRun } from './support/start-proposals-run';

jest.setTimeout(60_000);

describe('similar proposals', () => {
  let run: IsolatedRun;
  let members: ServiceProcess;
  let processes: ServiceProcess;
  let proposals: RunningService;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let process: Process;
  let other: Process;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `similar-${++seq}` });
  const propose = (processId: string, title: string, body: string, extra: Record<string, unknown> = {}) =>
    client.request('proposals.proposal.create', { processId, title, body, ...extra } as never, as(alice));
  const similar = (query: { title: string; body?: string; excludeId?: string }, processId = process.id) =>
    client.request('proposals.proposal.similar', { processId, ...query }, as(null));

  beforeAll(async () => {
    ({ run, members, processes, proposals, client } = await startProposalsRun('similar', 'similar-test', 10_000));
    admin = await registerPerson(client, as(null), 'Admin', { username: 'admin', roles: ['admin', 'participant'] });
    alice = await registerPerson(client, as(null), 'Alice Vernadet', { username: 'alice', roles: ['participant'] });
    const create = (title: string) =>
      client.request(
        'processes.process.create',
        { title: { fr: title }, description: { fr: 'Ouverte.' }, status: 'published' },
        as(admin),
      );
    [process, other] = await Promise.all([create('Budget participatif de Lodève'), create('Mobilités à Sète')]);
    await Promise.all([openPhase(client, admin, process.id), openPhase(client, admin, other.id)]);
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.stop(), processes?.stop(), proposals?.close()]);
    await run?.dispose();
  });

  it('ranks published proposals of the process by title and words, accents folded, top 5 with a score', async () => {
    const pistes = await propose(
      process.id,
      'Des pistes cyclables sécurisées vers le collège',
      'Séparer les vélos des voitures sur la route du collège.',
    );
    const velos = await propose(
      process.id,
      'Un parking à vélos couvert à la gare',
      'Les cyclistes laissent leurs vélos sous la pluie.',
    );
    const english = await propose(
      process.id,
      'Safe cycle lanes to the secondary school',
      'Children should cycle to school safely.',
      { locale: 'en' },
    );
    await propose(process.id, 'Une fête des voisins chaque printemps', 'Pour se rencontrer entre habitants.');
    for (let i = 0; i < 5; i++) {
      await propose(process.id, `Piste cyclable numéro ${i} vers le centre`, 'Encore une piste cyclable.');
    }
    const elsewhere = await propose(other.id, 'Des pistes cyclables securisees vers le college', 'Ailleurs.');
    const draft = await propose(process.id, 'Des pistes cyclables sécurisées vers le lycée', 'Brouillon.', {
      draft: true,
    });

    // Typed without accents, as people do.
    const found = await similar({ title: 'pistes cyclables securisees', body: 'la route du college' });
    expect(found.data.length).toBe(5);
    expect(found.data[0]).toMatchObject({ id: pistes.id, state: 'published' });
    const ids = found.data.map((p) => p.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(draft.id);
    const scores = found.data.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThan(0);
    expect(scores[0]).toBeLessThanOrEqual(1);

    // Words of the body count, stemmed in French ("vélos" ~ "vélo").
    const byWords = await similar({ title: 'abri pour mon vélo', body: 'sous la pluie' });
    expect(byWords.data[0]).toMatchObject({ id: velos.id });

    // English proposals are stemmed in English ("cycling" ~ "cycle").
    const inEnglish = await similar({ title: 'cycling lanes', body: 'school' });
    expect(inEnglish.data.map((p) => p.id)).toContain(english.id);

    // The proposal being edited is left out; nothing alike answers nothing.
    const excluded = await similar({ title: 'pistes cyclables securisees', excludeId: pistes.id });
    expect(excluded.data.map((p) => p.id)).not.toContain(pistes.id);
    expect((await similar({ title: 'zzz qqq xxx' })).data).toEqual([]);
  });

  it('refuses a query without a usable title', async () => {
    await expect(similar({ title: 'ab' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
