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
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const TEST_TIMEOUT_MS = 60_000;
const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

function requiredUrl(name: 'ADMIN_UI_URL' | 'GATEWAY_URL' | 'IDP_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the browser tests expect the platform to be started by jest's globalSetup.`);
  }
  return value.replace(/\/+$/, '');
}

interface ProcessFromApi {
  id: string;
  title: { fr: string; en?: string };
  status: string;
}

describe('back office', () => {
  let adminUiUrl: string;
  let gatewayUrl: string;
  let idpUrl: string;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;

  const title = `Concertation test ${Date.now()}`;
  const description = 'Une concertation créée par le test du back office, pour vérifier la chaîne complète.';

  /** The last bearer token the back office sent to the gateway. */
  let bearerToken: string | undefined;
  let signedIn = false;
  let created = false;
  /** The page's errors, printed when a step fails. */
  const pageErrors: string[] = [];

  /** Runs a step, saving a screenshot to test-results/ when it fails. */
  async function step(name: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      try {
        mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, `back-office-${name}-${Date.now()}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.error(
          [`Screenshot of the failure: ${file} (page: ${page.url()})`, 'Errors in the page:', ...pageErrors].join('\n'),
        );
      } catch {
        // the page may be gone: the original error matters more
      }
      throw error;
    }
  }

  beforeAll(async () => {
    adminUiUrl = requiredUrl('ADMIN_UI_URL');
    gatewayUrl = requiredUrl('GATEWAY_URL');
    idpUrl = requiredUrl('IDP_URL');

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.setDefaultNavigationTimeout(45_000);
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        pageErrors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(gatewayUrl)) return;
      const authorization = request.headers()['authorization'];
      if (authorization?.startsWith('Bearer ')) bearerToken = authorization.slice('Bearer '.length);
    });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  test(
    'signs in through the identity provider and lands on the dashboard',
    async () => {
      await step('sign-in', async () => {
        await page.goto(adminUiUrl);
        await page.getByRole('button', { name: /^(Se connecter|Sign in)$/i }).click();

        await page.waitForURL((url) => url.href.startsWith(`${idpUrl}/realms/convergences/`));
        await page.locator('#username').fill('admin');
        await page.locator('#password').fill('admin');
        await page.locator('#kc-login').click();

        await page.waitForURL((url) => url.href.startsWith(adminUiUrl));
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
      expect(bearerToken).toBeDefined();

      const response = await fetch(`${gatewayUrl}/api/v1/processes?q=${encodeURIComponent(title)}`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${bearerToken}` },
        signal: AbortSignal.timeout(15_000),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: ProcessFromApi[]; meta: { total: number } };
      expect(body.meta.total).toBeGreaterThanOrEqual(1);
      const found = body.data.find((item) => item.title.fr === title);
      expect(found).toBeDefined();
      expect(found?.status).toBe('draft');
    },
    TEST_TIMEOUT_MS,
  );
});
