/**
 * Moderation in the back office end to end, on a process of its own set up through the API (the
 * demo user `moderator` moderates it, alice comments on a debate, bob reports her comment): the
 * moderator, signed in to the back office, finds the comment in the queue with its text and the
 * reason, hides it with a justification, and the public thread no longer shows it.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Comment, CommentThread, Debate, Me, Page as ApiPage, Process } from '@convergences/contracts';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';
import { assignProcessRole, openProcess } from '../support/processes';

describe('moderation in the back office', () => {
  let session: BrowserSession | undefined;
  let process: Process;
  let moderator: Me;
  let debate: Debate;
  let reported: Comment;
  const stamp = Date.now();
  const text = `Achetez mes panneaux solaires miracles, prix imbattables ! ${stamp}`;

  const threadIds = async () =>
    (await api<ApiPage<CommentThread>>('GET', `/api/v1/debates/${debate.id}/comments`)).body.data.map((c) => c.id);

  beforeAll(async () => {
    moderator = (await api<Me>('GET', '/api/v1/me', { as: 'moderator' })).body;
    process = await openProcess({
      title: `Transition énergétique du Lodévois ${stamp}`,
      description: 'Débattre des énergies renouvelables du territoire.',
      phase: { title: 'Débats', rules: { debates: { creationEnabled: true } } },
    });
    debate = (
      await api<Debate>('POST', `/api/v1/processes/${process.id}/debates`, {
        as: 'alice',
        body: {
          title: 'Un parc éolien citoyen sur le causse ?',
          description: 'Financement participatif, paysage, retombées locales : débattons-en.',
        },
      })
    ).body;
    reported = (
      await api<Comment>('POST', `/api/v1/debates/${debate.id}/comments`, { as: 'alice', body: { body: text } })
    ).body;
    await assignProcessRole(process.id, moderator.id, 'moderator');
    const report = await api('POST', '/api/v1/reports', {
      as: 'bob',
      body: { resourceType: 'comment', resourceId: reported.id, reason: 'spam', details: 'Publicité.' },
    });
    expect(report.status).toBe(201);
    expect(await threadIds()).toContain(reported.id);
    session = await openBrowser('moderation');
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
    // Other files use the demo moderator: leave their roles as they were.
    if (process) {
      await api('DELETE', `/api/v1/processes/${process.id}/roles/${moderator.id}/moderator`, { as: 'admin' });
    }
  });

  test(
    'a process moderator hides a reported comment from the queue, and the public thread no longer shows it',
    async () => {
      const page = session!.page;
      await session!.step('queue', async () => {
        await signInToBackOffice(page, 'moderator');
        await page.getByRole('menuitem', { name: 'Modération' }).click();
        await page.waitForURL(/#\/moderations/);
        const row = page.getByRole('row').filter({ hasText: text });
        await row.waitFor();
        await row.getByText('Spam · 1').waitFor();
        await row.getByText('Commentaire', { exact: true }).waitFor();
      });
      await session!.step('hide', async () => {
        const row = page.getByRole('row').filter({ hasText: text });
        await row.getByRole('button', { name: 'Masquer' }).click();
        const dialog = page.getByRole('dialog', { name: 'Masquer ce contenu' });
        await dialog.getByLabel(/^Justification/).fill('Publicité commerciale.');
        await dialog.getByRole('button', { name: 'Masquer' }).click();
        await page.getByText('Le contenu est masqué.').waitFor();
        // The queue shows reported content: the hidden comment has left it.
        await page.getByRole('row').filter({ hasText: text }).waitFor({ state: 'detached' });
      });
      expect(await threadIds()).not.toContain(reported.id);
      const hidden = await api<ApiPage<{ resourceId: string; justification: string; hiddenBy: string }>>(
        'GET',
        `/api/v1/moderations?state=hidden&processId=${process.id}`,
        { as: 'admin' },
      );
      expect(hidden.body.data).toEqual([
        expect.objectContaining({
          resourceId: reported.id,
          justification: 'Publicité commerciale.',
          hiddenBy: moderator.id,
        }),
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
