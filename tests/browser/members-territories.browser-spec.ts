/**
 * Territories on the members screens of the back office: `admin` filters the organisations by a
 * département (its communes' organisations come with it), verifies a person for a commune picked
 * by name in the dialog, and finds the territory by name in the list of verifications and on the
 * person's page.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { MePerson, Page as ApiPage, Verification } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

describe('territories on the members screens of the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let valuator: MePerson;
  let signedIn = false;

  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    valuator = (await api<MePerson>('GET', '/api/v1/me', { as: 'valuator' })).body;
    session = await openBrowser('members-territories');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    // Other files share the platform: leave the valuator without verifications.
    const granted = await api<ApiPage<Verification>>(
      'GET',
      `/api/v1/verifications?personId=${valuator.id}&active=true`,
      {
        as: 'admin',
      },
    );
    for (const verification of granted.body.data ?? []) {
      await api('DELETE', `/api/v1/verifications/${verification.id}`, { as: 'admin', body: { reason: 'end of test' } });
    }
    await session?.close();
  });

  test(
    'admin filters the organisations by a département, its communes included',
    async () => {
      await step('sign-in', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('menuitem', { name: 'Organisations' }).waitFor();
      });
      signedIn = true;
      await step('filter', async () => {
        await page.getByRole('menuitem', { name: 'Organisations' }).click();
        await page.waitForURL(/#\/organizations(\?|$)/);
        const amap = page.getByRole('row').filter({ hasText: 'AMAP de la Croix-Rousse' });
        await amap.waitFor();
        await page.getByLabel('Territoire').fill('Gard');
        await page.getByRole('option', { name: 'Gard (30)' }).click();
        await page.waitForURL(/territoryId/);
        // Terres de Convergence is in Le Vigan, a commune of the Gard; the AMAP is in Lyon.
        await page.getByRole('row').filter({ hasText: 'Terres de Convergence' }).waitFor();
        await amap.waitFor({ state: 'detached' });
      });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'verifies a person for a commune picked by name, and lists the verification under its name',
    async () => {
      if (!signedIn) throw new Error('Not run: signing in failed.');
      await step('grant', async () => {
        await page.getByRole('menuitem', { name: 'Vérifications' }).click();
        await page.waitForURL(/#\/verifications(\?|$)/);
        await page.getByRole('button', { name: 'Vérifier une personne' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Identifiant de la personne').fill(valuator.id);
        await dialog.getByLabel('Territoire').fill('vigan');
        await page.getByRole('option', { name: 'Le Vigan (30350)' }).click();
        await dialog.getByRole('button', { name: 'Vérifier' }).click();
        await page.getByText('La personne est vérifiée.').waitFor();
      });
      await step('list', async () => {
        const row = page.getByRole('row').filter({ hasText: valuator.displayName });
        await row.getByText('Le Vigan').waitFor();
      });
      await step('person page', async () => {
        await page.goto(`${page.url().split('#')[0]}#/people/${valuator.id}/show`);
        await page.getByText('Vérifications').first().waitFor();
        // The valid verification of Le Vigan, granted by hand (older, revoked ones may be listed too).
        const row = page.getByRole('row').filter({ hasText: 'Le Vigan' }).filter({ hasText: 'Valide' });
        await row.getByText('À la main').waitFor();
        expect(await row.count()).toBe(1);
      });
      // Other files may have left revoked verifications on this account: only the active one counts.
      const granted = await api<ApiPage<Verification>>(
        'GET',
        `/api/v1/verifications?personId=${valuator.id}&active=true`,
        { as: 'admin' },
      );
      expect(granted.body.data).toEqual([expect.objectContaining({ method: 'manual', active: true })]);
    },
    TEST_TIMEOUT_MS,
  );
});
