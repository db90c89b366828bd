/**
 * Territories and themes in the back office: `admin` finds the demo territories in the table and
 * in the foldable tree, adds a commune under a département (after the API refused it under
 * another commune, next to the parent field), and finds the demo themes' tree.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Page as ApiPage, Territory } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

describe('territories and themes in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let signedIn = false;
  const name = `Saint-Jean-du-Gard ${Date.now()}`;

  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    session = await openBrowser('territories-and-themes');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin signs in and finds the demo territories in the table and the tree',
    async () => {
      await step('sign-in', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('menuitem', { name: 'Territoires' }).waitFor();
      });
      signedIn = true;
      await step('table', async () => {
        await page.getByRole('menuitem', { name: 'Territoires' }).click();
        await page.waitForURL(/#\/territories(\?|$)/);
        await page.getByPlaceholder('Rechercher').fill('vigan');
        const row = page.getByRole('row').filter({ hasText: 'Le Vigan' });
        await row.getByText('30350').waitFor();
        await row.getByText('Commune').waitFor();
        await row.getByRole('link', { name: 'Gard' }).waitFor();
        await page.getByPlaceholder('Rechercher').fill('');
      });
      await step('tree', async () => {
        await page.getByRole('tab', { name: 'Arborescence' }).click();
        const tree = page.getByTestId('territory-tree');
        const occitanie = tree.getByRole('treeitem').filter({ hasText: 'Occitanie' });
        await occitanie.waitFor();
        await tree.getByText('Gard', { exact: true }).waitFor();
        expect(await tree.getByText('Le Vigan', { exact: true }).count()).toBe(0);
        await tree.getByRole('treeitem').filter({ hasText: 'Gard' }).getByRole('button', { name: 'Déplier' }).click();
        await tree.getByText('Le Vigan', { exact: true }).waitFor();
        await tree.getByText('Gard', { exact: true }).click();
        await page.waitForURL(/#\/territories\/[0-9a-f-]+$/);
        await page.getByLabel('Nom').first().waitFor();
        expect(await page.getByLabel('Nom').first().inputValue()).toBe('Gard');
      });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'adds a commune: refused under another commune, accepted under its département',
    async () => {
      if (!signedIn) throw new Error('Not run: signing in failed.');
      const pickParent = async (text: string, option: string) => {
        const parent = page.getByLabel('Territoire parent');
        await parent.fill(text);
        await page.getByRole('option', { name: option, exact: true }).click();
      };
      await step('refused', async () => {
        await page.goto(`${page.url().split('#')[0]}#/territories/create`);
        await page.getByLabel('Nom').first().fill(name);
        await page.getByLabel('Type').click();
        await page.getByRole('option', { name: 'Commune' }).click();
        await page.getByLabel('Code officiel').fill('30269');
        await pickParent('Nîmes', 'Nîmes');
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page
          .getByText(/sits only under a wider territory/)
          .first()
          .waitFor();
      });
      await step('accepted', async () => {
        await pickParent('Gard', 'Gard');
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.waitForURL(/#\/territories(\?|$)/);
      });
      const created = await api<ApiPage<Territory>>('GET', `/api/v1/territories?q=${encodeURIComponent(name)}`);
      expect(created.body.data).toEqual([expect.objectContaining({ name, type: 'commune', code: '30269' })]);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'finds the demo themes in their tree, the transition themes under advocacy, and opens one',
    async () => {
      if (!signedIn) throw new Error('Not run: signing in failed.');
      await step('themes', async () => {
        await page.getByRole('menuitem', { name: 'Thèmes' }).click();
        await page.waitForURL(/#\/themes(\?|$)/);
        const row = page.getByRole('row').filter({ hasText: 'Solidarité internationale' });
        await row.getByRole('link', { name: 'Plaidoyer pour la transition' }).waitFor();
        await page.getByRole('tab', { name: 'Arborescence' }).click();
        const tree = page.getByTestId('theme-tree');
        await tree.getByText('Plaidoyer pour la transition').waitFor();
        await tree.getByText('Solidarité internationale').waitFor();
        await tree.getByText('Énergie éthique').click();
        await page.waitForURL(/#\/themes\/[0-9a-f-]+$/);
        await page.getByLabel('Nom (anglais)').waitFor();
        expect(await page.getByLabel('Nom (anglais)').inputValue()).toBe('Ethical energy');
      });
    },
    TEST_TIMEOUT_MS,
  );
});
