/**
 * The process editor end to end: `admin` signs in, creates a process, adds an information phase
 * then a proposals phase that opens proposal submission, activates the second one from the
 * timeline, and the API then has that phase active with its rules.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Phase, Process } from '@convergences/contracts';
import type { Locator, Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

describe('process editor in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let processId: string | undefined;
  let signedIn = false;
  let phasesAdded = false;
  let activated = false;

  const title = `Budget participatif des quartiers ${Date.now()}`;
  const description = 'Un processus créé par le test de l’éditeur, avec une phase d’information puis une de dépôt.';
  const informationPhase = 'Information';
  const proposalsPhase = 'Dépôt des propositions';

  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);
  const phaseOnTimeline = (name: string): Locator =>
    page.getByRole('list', { name: 'Chronologie des phases' }).getByRole('listitem', { name, exact: true });

  /** Opens the phase dialog, types the French title, switches the given rules on and saves. */
  async function addPhase(name: string, rules: string[]): Promise<void> {
    await page.getByRole('button', { name: 'Ajouter une phase' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle phase' });
    await dialog.getByLabel(/^Titre \(français\)/).fill(name);
    for (const rule of rules) {
      const toggle = dialog.getByRole('switch', { name: rule, exact: true });
      await toggle.check();
      expect(await toggle.isChecked()).toBe(true);
    }
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await phaseOnTimeline(name).waitFor();
  }

  beforeAll(async () => {
    session = await openBrowser('process-editor');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin signs in and creates a process',
    async () => {
      await step('create', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('menuitem', { name: 'Processus' }).click();
        await page.waitForURL(/#\/processes(\?|$)/);
        await page.getByRole('link', { name: 'Créer' }).click();
        await page.waitForURL(/#\/processes\/create/);
        await page.getByLabel(/^Titre \(français\)/).fill(title);
        await page.getByLabel(/^Description \(français\)/).fill(description);
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.waitForURL(/#\/processes\/[^/]+\/show/);
        await page.getByText(title).first().waitFor();
      });
      processId = /#\/processes\/([^/]+)\/show/.exec(page.url())?.[1];
      expect(processId).toMatch(/^[0-9a-f-]{36}$/);
      signedIn = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'adds an information phase, then a phase that opens proposal submission',
    async () => {
      if (!signedIn) throw new Error('Not run: creating the process failed.');
      await step('phases', async () => {
        await page.getByRole('tab', { name: 'Phases' }).click();
        await page.waitForURL(/#\/processes\/[^/]+\/show\/phases/);
        await page.getByText('Aucune phase pour l’instant').waitFor();
        await addPhase(informationPhase, []);
        await addPhase(proposalsPhase, ['Dépôt de propositions']);
        // In their order, neither active yet; the second says what it opens.
        const timeline = page.getByRole('list', { name: 'Chronologie des phases' });
        expect(await timeline.getByRole('listitem').count()).toBe(2);
        await phaseOnTimeline(proposalsPhase).getByText(`2. ${proposalsPhase}`).waitFor();
        await phaseOnTimeline(proposalsPhase).getByText('Dépôt de propositions', { exact: true }).waitFor();
        expect(
          await phaseOnTimeline(informationPhase).getByText('Dépôt de propositions', { exact: true }).count(),
        ).toBe(0);
        expect(await timeline.getByText('Active', { exact: true }).count()).toBe(0);
      });
      phasesAdded = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'activates the second phase from the timeline, once confirmed',
    async () => {
      if (!phasesAdded) throw new Error('Not run: adding the phases failed.');
      await step('activate', async () => {
        await page.getByRole('button', { name: `Activer la phase « ${proposalsPhase} »` }).click();
        const confirm = page.getByRole('dialog', { name: `Activer la phase « ${proposalsPhase} » ?` });
        await confirm.getByRole('button', { name: 'Activer' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await page.getByText('La phase est active.').waitFor();
        await phaseOnTimeline(proposalsPhase).getByText('Active', { exact: true }).waitFor();
        // The active phase has no Activate button any more; the other one has.
        expect(
          await phaseOnTimeline(proposalsPhase)
            .getByRole('button', { name: /^Activer/ })
            .count(),
        ).toBe(0);
        expect(
          await phaseOnTimeline(informationPhase)
            .getByRole('button', { name: /^Activer/ })
            .count(),
        ).toBe(1);
      });
      activated = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the API has the second phase active, with its rules',
    async () => {
      if (!activated) throw new Error('Not run: activating the phase failed.');
      const phases = await api<{ data: Phase[] }>('GET', `/api/v1/processes/${processId}/phases`, { as: 'admin' });
      expect(phases.status).toBe(200);
      expect(phases.body.data.map((phase) => phase.title.fr)).toEqual([informationPhase, proposalsPhase]);
      const [information, proposals] = phases.body.data;

      const process = await api<Process>('GET', `/api/v1/processes/${processId}`, { as: 'admin' });
      expect(process.status).toBe(200);
      expect(process.body.activePhaseId).toBe(proposals.id);

      expect(proposals.active).toBe(true);
      expect(proposals.rules.proposals.creationEnabled).toBe(true);
      expect(proposals.rules.proposals.supportsEnabled).toBe(false);
      expect(information.active).toBe(false);
      expect(information.rules.proposals.creationEnabled).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
