/**
 * The back office end to end: sign in through the identity provider, create a process, find it
 * in the list, and check through the gateway's API that it exists.
 *
 * The platform (identity provider, services, gateway, back office dev server) is started by the
 * jest globalSetup, which provides:
 * - ADMIN_UI_URL: the back office, e.g. http://localhost:5173 (its origin must be an allowed
 *   redirect URI of the realm's `convergences-admin` client);
 * - GATEWAY_URL: the gateway's base URL, without `/api/v1`, e.g. http://localhost:3000;
 * - IDP_URL: the identity provider, e.g. http://localhost:8080 (realm `convergences`, user
 *   `admin` / `admin` with the `admin` realm role).
 */
import type { Page } from 'playwright-core';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  requiredUrl,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

interface ProcessFromApi {
  id: string;
  title: { fr: string; en?: string };
  status: string;
}

describe('back office', () => {
  let gatewayUrl: string;
  let session: BrowserSession | undefined;
  let page: Page;

  const title = `Concertation test ${Date.now()}`;
  const description = 'Une concertation créée par le test du back office, pour vérifier la chaîne complète.';

  /** The last bearer token the back office sent to the gateway. */
  let bearerToken: string | undefined;
  let signedIn = false;
  let created = false;
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    gatewayUrl = requiredUrl('GATEWAY_URL');
    session = await openBrowser('back-office');
    page = session.page;
    page.on('request', (request) => {
      if (!request.url().startsWith(gatewayUrl)) return;
      const authorization = request.headers()['authorization'];
      if (authorization?.startsWith('Bearer ')) bearerToken = authorization.slice('Bearer '.length);
    });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'signs in through the identity provider and lands on the dashboard',
    async () => {
      await step('sign-in', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('heading', { name: /^Bienvenue/ }).waitFor();
        // The admin realm role opens the resources.
        await page.getByRole('menuitem', { name: 'Processus' }).waitFor();
        // No authorization code or state left in the address bar.
        expect(page.url()).not.toMatch(/[?&](code|state)=/);
      });
      signedIn = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'creates a process with a French title and description',
    async () => {
      if (!signedIn) throw new Error('Not run: signing in failed.');
      await step('create', async () => {
        await page.getByRole('menuitem', { name: 'Processus' }).click();
        await page.waitForURL(/#\/processes(\?|$)/);
        await page.getByRole('link', { name: 'Créer' }).click();
        await page.waitForURL(/#\/processes\/create/);

        await page.getByLabel(/^Titre \(français\)/).fill(title);
        await page.getByLabel(/^Description \(français\)/).fill(description);
        await page.getByRole('button', { name: 'Enregistrer' }).click();

        // Created: the back office shows the new process.
        await page.waitForURL(/#\/processes\/[^/]+\/show/);
        await page.getByText(title).first().waitFor();
        await page.getByRole('button', { name: 'Publier' }).waitFor();
      });
      created = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'finds the new process in the processes list',
    async () => {
      if (!created) throw new Error('Not run: creating the process failed.');
      await step('list', async () => {
        await page.getByRole('menuitem', { name: 'Processus' }).click();
        await page.waitForURL(/#\/processes(\?|$)/);
        await page.getByPlaceholder('Rechercher').fill(title);
        await page.getByRole('cell', { name: title }).first().waitFor();
      });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the gateway has the new process',
    async () => {
      if (!created) throw new Error('Not run: creating the process failed.');
      // The back office called the API with the signed-in user's bearer token.
      expect(bearerToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

      const response = await fetch(`${gatewayUrl}/api/v1/processes?q=${encodeURIComponent(title)}`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${bearerToken}` },
        signal: AbortSignal.timeout(15_000),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: ProcessFromApi[]; meta: { total: number } };
      expect(body.meta.total).toBeGreaterThanOrEqual(1);
      expect(body.data.filter((item) => item.title.fr === title).map((item) => item.status)).toEqual(['draft']);
    },
    TEST_TIMEOUT_MS,
  );
});
