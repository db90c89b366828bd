/**
 * The framework (grille) editor in the back office, on a draft of its own set up through the API:
 * two dimensions, the first with three criteria A, B, C (the second complete already). `admin`
 * opens it from the menu, moves C above A with the keyboard (the drag handle's alternative:
 * space, arrows, space), gives B a level scale of two described levels, in French and English,
 * through the dialog, then tries to adopt it: A and C still lack an indicator, so the page lists
 * the gaps by them and the draft stays a draft. The API then holds the new order and the scale.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Criterion, Dimension, Framework } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api, uniqueStamp } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

describe('the framework editor in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let framework: Framework;
  const criteria: Record<'A' | 'B' | 'C', Criterion> = {} as Record<'A' | 'B' | 'C', Criterion>;

  const stamp = uniqueStamp();
  const title = `Grille des épiceries solidaires ${stamp}`;
  const names = {
    A: 'Approvisionnement en circuits courts',
    B: 'Bénévolat et engagement des habitant·es',
    C: 'Coopération avec les structures voisines',
  } as const;
  const indicator = { fr: 'Place des bénévoles dans les décisions', en: 'Volunteers’ say in decisions' };
  const levels = [
    {
      value: 1,
      label: { fr: 'Consulté·es', en: 'Consulted' },
      descriptor: { fr: 'Les bénévoles donnent leur avis', en: 'Volunteers give their opinion' },
    },
    {
      value: 2,
      label: { fr: 'Décideur·euses', en: 'Deciders' },
      descriptor: { fr: 'Les bénévoles votent au bureau', en: 'Volunteers vote on the board' },
    },
  ];
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    framework = (
      await api<Framework>('POST', '/api/v1/frameworks', {
        as: 'admin',
        body: { title: { fr: title, en: `Solidarity grocery grid ${stamp}` } },
      })
    ).body;
    const path = `/api/v1/frameworks/${framework.id}`;
    const first = (
      await api<Dimension>('POST', `${path}/dimensions`, { as: 'admin', body: { title: { fr: 'Ancrage local' } } })
    ).body;
    const second = (
      await api<Dimension>('POST', `${path}/dimensions`, { as: 'admin', body: { title: { fr: 'Gouvernance' } } })
    ).body;
    for (const key of ['A', 'B', 'C'] as const) {
      const created = await api<Criterion>('POST', `${path}/criteria`, {
        as: 'admin',
        body: { dimensionId: first.id, title: { fr: names[key] } },
      });
      expect(created.status).toBe(201);
      criteria[key] = created.body;
    }
    // The second dimension is complete, so that the gaps are the first dimension's only.
    const other = (
      await api<Criterion>('POST', `${path}/criteria`, {
        as: 'admin',
        body: { dimensionId: second.id, title: { fr: 'Transparence des comptes' } },
      })
    ).body;
    const narrative = await api('POST', `${path}/indicators`, {
      as: 'admin',
      body: { criterionId: other.id, kind: 'narrative', title: { fr: 'Récit de l’assemblée générale' } },
    });
    expect(narrative.status).toBe(201);

    session = await openBrowser('framework-editor');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin reorders criteria with the keyboard, adds a described level scale, and is told what adoption lacks',
    async () => {
      const criterionNames = () =>
        page
          .getByTestId('framework-dimension')
          .first()
          .getByTestId('framework-criterion')
          .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));

      await step('open', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('menuitem', { name: 'Grilles (référentiels)' }).click();
        await page.waitForURL(/#\/frameworks/);
        await page.getByRole('row').filter({ hasText: title }).first().click();
        await page.waitForURL(new RegExp(`#/frameworks/${framework.id}/show`));
        await page.getByTestId('framework-tree').waitFor();
        expect(await criterionNames()).toEqual([names.A, names.B, names.C]);
      });

      await step('reorder', async () => {
        const handle = page.getByRole('button', { name: `Déplacer « ${names.C} »` });
        await handle.focus();
        await page.keyboard.press('Space');
        // Picked up (its announcement gives way at once to where it is over, so the handle says it).
        await page.locator('[data-testid="drag-handle"][aria-pressed="true"]').waitFor();
        await page.keyboard.press('ArrowUp');
        await page.getByText(`« ${names.C} » est au-dessus de la position 2.`).waitFor({ state: 'attached' });
        await page.keyboard.press('ArrowUp');
        await page.getByText(`« ${names.C} » est au-dessus de la position 1.`).waitFor({ state: 'attached' });
        await page.keyboard.press('Space');
        await page.getByText('Nouvel ordre enregistré.').waitFor();
        // The moved order shows at once; what the API keeps is checked at the end.
        expect(await criterionNames()).toEqual([names.C, names.A, names.B]);
      });

      await step('indicator', async () => {
        const criterion = page.getByRole('treeitem', { name: names.B });
        await criterion.getByRole('button', { name: 'Ajouter un indicateur' }).click();
        const dialog = page.getByRole('dialog', { name: 'Ajouter un indicateur' });
        await dialog.getByLabel(/^Titre \(français\)/).fill(indicator.fr);
        await dialog.getByLabel(/^Titre \(anglais\)/).fill(indicator.en);
        await dialog.getByRole('combobox', { name: /^Type/ }).click();
        await page.getByRole('option', { name: 'Échelle de niveaux' }).click();
        await dialog.getByTestId('level-scale-fields').waitFor();
        for (const [index, level] of levels.entries()) {
          await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
          await dialog
            .getByLabel(/^Valeur/)
            .nth(index)
            .fill(String(level.value));
          await dialog
            .getByLabel(/^Libellé \(français\)/)
            .nth(index)
            .fill(level.label.fr);
          await dialog
            .getByLabel(/^Libellé \(anglais\)/)
            .nth(index)
            .fill(level.label.en);
          await dialog
            .getByLabel(/^Descripteur \(français\)/)
            .nth(index)
            .fill(level.descriptor.fr);
          await dialog
            .getByLabel(/^Descripteur \(anglais\)/)
            .nth(index)
            .fill(level.descriptor.en);
        }
        await dialog.getByRole('button', { name: 'Enregistrer' }).click();
        await dialog.waitFor({ state: 'hidden' });
        const added = criterion.getByRole('treeitem', { name: indicator.fr });
        await added.getByText(levels[1].descriptor.fr, { exact: false }).waitFor();
      });

      await step('adopt', async () => {
        await page.getByRole('button', { name: 'Adopter' }).click();
        await page
          .getByRole('dialog', { name: 'Adopter cette version ?' })
          .getByRole('button', { name: 'Confirmer' })
          .click();
        const gaps = page.getByTestId('framework-gaps');
        await gaps.waitFor();
        await gaps.getByText('Il manque 2 choses pour adopter cette version').waitFor();
        // Each gap also shows by the criterion it names.
        await page.getByRole('treeitem', { name: names.A }).getByTestId('framework-gap').waitFor();
        await page.getByRole('treeitem', { name: names.C }).getByTestId('framework-gap').waitFor();
        expect(await page.getByTestId('framework-gap').count()).toBe(2);
        // Still a draft: the page offers to adopt it again, not to start a new version.
        await page.getByRole('button', { name: 'Adopter' }).waitFor();
      });

      const stored = (await api<Framework>('GET', `/api/v1/frameworks/${framework.id}`, { as: 'admin' })).body;
      expect(stored.status).toBe('draft');
      expect(stored.adoptedAt).toBeNull();
      const [first] = stored.dimensions;
      expect(first.criteria.map((c) => c.id)).toEqual([criteria.C.id, criteria.A.id, criteria.B.id]);
      expect(first.criteria.map((c) => c.position)).toEqual([1, 2, 3]);
      const [b] = first.criteria.filter((c) => c.id === criteria.B.id);
      expect(b.indicators).toEqual([expect.objectContaining({ kind: 'level_scale', title: indicator, levels })]);
      expect(first.criteria.filter((c) => c.id !== criteria.B.id).map((c) => c.indicators)).toEqual([[], []]);
    },
    TEST_TIMEOUT_MS,
  );
});
