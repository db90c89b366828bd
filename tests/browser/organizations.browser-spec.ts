/**
 * The organisations of the back office end to end: a participant proposes an organisation
 * through the API; `admin` signs in, finds it pending, verifies it, and then sees it on the map
 * of verified organisations (markers and the list beside them; no map tiles load here).
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Organization } from '@convergences/contracts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { api } from '../support/api';

const TEST_TIMEOUT_MS = 60_000;
const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

function requiredUrl(name: 'ADMIN_UI_URL' | 'IDP_URL'): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the browser tests expect the platform started by jest's globalSetup.`);
  return value.replace(/\/+$/, '');
}

describe('organisations in the back office', () => {
  let adminUiUrl: string;
  let idpUrl: string;
  let browser: Browser | undefined;
  let page: Page;
  let organization: Organization;
  let signedIn = false;
  let verified = false;
  const pageErrors: string[] = [];
  const name = `Ressourcerie des Pentes ${Date.now()}`;

  async function step(label: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      try {
        mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, `organizations-${label}-${Date.now()}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.error([`Screenshot: ${file} (page: ${page.url()})`, ...pageErrors].join('\n'));
      } catch {
        // the page may be gone: the original error matters more
      }
      throw error;
    }
  }

  beforeAll(async () => {
    adminUiUrl = requiredUrl('ADMIN_UI_URL');
    idpUrl = requiredUrl('IDP_URL');
    const created = await api<Organization>('POST', '/api/v1/organizations', {
      as: 'alice',
      body: { name, kind: 'association', address: 'Lyon 1er', latitude: 45.7705, longitude: 4.8301 },
    });
    expect(created.status).toBe(201);
    organization = created.body;

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
    });
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.setDefaultNavigationTimeout(45_000);
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  });

  test(
    'admin signs in',
    async () => {
      await step('sign-in', async () => {
        await page.goto(adminUiUrl);
        await page.getByRole('button', { name: /^(Se connecter|Sign in)$/i }).click();
        await page.waitForURL((url) => url.href.startsWith(`${idpUrl}/realms/convergences/`));
        await page.locator('#username').fill('admin');
        await page.locator('#password').fill('admin');
        await page.locator('#kc-login').click();
        await page.waitForURL((url) => url.href.startsWith(adminUiUrl));
        await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
      });
      signedIn = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'verifies the pending organisation from the list',
    async () => {
      if (!signedIn) throw new Error('Not run: signing in failed.');
      await step('verify', async () => {
        await page.getByRole('menuitem', { name: 'Organisations' }).click();
        await page.waitForURL(/#\/organizations(\?|$)/);
        await page.getByPlaceholder('Rechercher').fill(name);
        const row = page.getByRole('row').filter({ hasText: name });
        await row.getByText('En attente').waitFor();
        await row.getByRole('button', { name: 'Vérifier' }).click();
        await page.getByText(`« ${name} » est vérifiée`).waitFor();
        await row.getByText('Vérifiée').waitFor();
        expect(await row.getByRole('button', { name: 'Vérifier' }).count()).toBe(0);
      });
      const got = await api<Organization>('GET', `/api/v1/organizations/${organization.id}`);
      expect(got.status).toBe(200);
      expect(got.body.status).toBe('verified');
      verified = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'then sees it on the map of verified organisations',
    async () => {
      if (!verified) throw new Error('Not run: verifying failed.');
      await step('map', async () => {
        await page.getByRole('tab', { name: 'Carte' }).click();
        const map = page.getByTestId('organization-map');
        await map.getByRole('table', { name: 'Organisations de la carte' }).getByRole('link', { name }).waitFor();
        // Its marker is drawn (the search filter leaves it alone on the map).
        await map.locator('path.leaflet-interactive').first().waitFor();
        expect(await map.locator('path.leaflet-interactive').count()).toBe(1);
        await map.getByRole('link', { name }).click();
        await page.waitForURL(new RegExp(`#/organizations/${organization.id}/show`));
        await page.getByText('Alice', { exact: false }).first().waitFor();
      });
    },
    TEST_TIMEOUT_MS,
  );
});
