// What debates holds about a person: their export, and what stays of their words once their
// account is deleted. Members and processes run as their own processes.
import { DELETED_ACCOUNT_NAME, type Actor, type Comment, type Debate, type Process } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { eventually, registerPerson } from '@convergences/testing';
import { openPhase, startDebatesRun, type DebatesRun } from './support/start-debates-run';

jest.setTimeout(30_000);

describe('debates and personal data', () => {
  let debatesRun: DebatesRun;
  let client: ServiceClient;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let process: Process;
  let debate: Debate;
  let aliceComment: Comment;
  let bobComment: Comment;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `debates-privacy-${++seq}` });

  beforeAll(async () => {
    debatesRun = await startDebatesRun('debates-privacy');
    ({ client } = debatesRun);
    admin = await registerPerson(client, as(null), 'Coordination', {
      username: 'admin',
      roles: ['admin', 'participant'],
    });
    alice = await registerPerson(client, as(null), 'Alice Vernadet', { username: 'alice' });
    bob = await registerPerson(client, as(null), 'Bob Lestrade', { username: 'bob' });
    process = await client.request(
      'processes.process.create',
      { title: { fr: 'Quartiers solidaires' }, description: { fr: 'Débattre.' }, status: 'published' },
      as(admin),
    );
    await openPhase(client, admin, process.id, { debates: { creationEnabled: true } });
    debate = await client.request(
      'debates.debate.create',
      {
        processId: process.id,
        title: 'Une régie de quartier pour Bagatelle ?',
        description: 'Entretien des espaces communs et emplois pour les habitants.',
      },
      as(alice),
    );
    aliceComment = await client.request(
      'debates.comment.create',
      { resourceType: 'debate', resourceId: debate.id, body: 'Je m’y engagerais.', alignment: 1 },
      as(alice),
    );
    bobComment = await client.request(
      'debates.comment.create',
      { resourceType: 'debate', resourceId: debate.id, body: 'Qui la financerait ?', parentId: aliceComment.id },
      as(bob),
    );
    await client.request('debates.comment.vote', { id: bobComment.id, value: 'up' }, as(alice));
  });

  afterAll(() => debatesRun?.stop());

  it('exports the person’s debates, comments and votes, to them only', async () => {
    const exported = await client.request('debates.privacy.export', { personId: alice.personId }, as(alice));
    expect(exported).toEqual({
      service: 'debates',
      data: {
        authorName: 'Alice Vernadet',
        debates: [expect.objectContaining({ id: debate.id, title: { fr: debate.title.fr } })],
        comments: [
          expect.objectContaining({
            id: aliceComment.id,
            resourceType: 'debate',
            resourceId: debate.id,
            parentId: null,
            body: 'Je m’y engagerais.',
            alignment: 1,
            deletedAt: null,
          }),
        ],
        commentVotes: [{ commentId: bobComment.id, value: 'up', createdAt: expect.any(String) }],
      },
    });
    await expect(client.request('debates.privacy.export', { personId: alice.personId }, as(bob))).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
  });

  it('holds nothing about a person who never wrote nor voted here', async () => {
    const carole = await registerPerson(client, as(null), 'Carole Martin', { username: 'carole' });
    await expect(client.request('debates.privacy.export', { personId: carole.personId }, as(carole))).resolves.toEqual({
      service: 'debates',
      data: {},
    });
  });

  it('keeps a deleted account’s debate and comments in place, signed "Compte supprimé"', async () => {
    await client.request('members.privacy.delete', { personId: alice.personId }, as(alice));
    await eventually(async () => {
      const seen = await client.request('debates.debate.get', { id: debate.id }, as(null));
      expect(seen).toMatchObject({ authorName: DELETED_ACCOUNT_NAME, title: debate.title });
    }, 10_000);
    const page = await client.request(
      'debates.comment.list',
      { resourceType: 'debate', resourceId: debate.id },
      as(null),
    );
    expect(page.data[0]).toMatchObject({
      id: aliceComment.id,
      authorName: DELETED_ACCOUNT_NAME,
      body: 'Je m’y engagerais.',
      replies: [{ id: bobComment.id, authorName: 'Bob Lestrade', upvotes: 1 }],
    });
  });
});
