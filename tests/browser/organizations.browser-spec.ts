/**
 * The organisations of the back office end to end: a participant proposes an organisation
 * through the API; `admin` signs in, finds it pending, verifies it, and then sees it on the map
 * of verified organisations (markers and the list beside them; no map tiles load here).
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Organization } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

describe('organisations in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let organization: Organization;
  let signedIn = false;
  let verified = false;
  const name = `Ressourcerie des Pentes ${Date.now()}`;

  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    const created = await api<Organization>('POST', '/api/v1/organizations', {
      as: 'alice',
      body: { name, kind: 'association', address: 'Lyon 1er', latitude: 45.7705, longitude: 4.8301 },
    });
    expect(created.status).toBe(201);
    organization = created.body;

    session = await openBrowser('organizations');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin signs in',
    async () => {
      await step('sign-in', async () => {
        await signInToBackOffice(page, 'admin');
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
        // Its marker is drawn (the search filter leaves it alone on the map, once the filtered
        // answer is in: the search box applies its text after a debounce).
        await map.getByText('1 organisation vérifiée localisée').waitFor();
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
