/**
 * Answers in the back office end to end: alice submits a proposal to the demo consultation
 * through the API; `admin` finds it in the back office's proposals list, answers it "accepted"
 * (the demo states costs, so the form asks for them as one types) and publishes the answer at
 * once; the public API then shows the answer. Then alice, signed in to the back office, is shown
 * no administration screen.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Process, Proposal } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  requiredUrl,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';
import { DEMO_PROCESS_SLUG } from '../support/processes';

describe('proposal answers in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let gatewayUrl: string;
  let proposal: Proposal;
  let answered = false;
  /** The answer requests the back office sent (`PUT /proposals/{id}/answer`). */
  const answerRequests: string[] = [];

  const title = `Des bancs à l’ombre sur la place du marché ${Date.now()}`;
  const answerText = 'Retenue : des bancs seront installés avant l’été.';
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    gatewayUrl = requiredUrl('GATEWAY_URL');
    const demo = await api<Process>('GET', `/api/v1/processes/${DEMO_PROCESS_SLUG}`);
    expect(demo.status).toBe(200);
    expect(demo.body.settings.answersWithCosts).toBe(true);
    const created = await api<Proposal>('POST', `/api/v1/processes/${demo.body.id}/proposals`, {
      as: 'alice',
      body: { title, body: 'Quelques bancs à l’ombre des platanes, pour les personnes âgées les jours de marché.' },
    });
    expect(created.status).toBe(201);
    proposal = created.body;
    expect(proposal.answer).toBeNull();

    session = await openBrowser('proposal-answers');
    page = session.page;
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().startsWith(`${gatewayUrl}/api/v1/proposals/`)) {
        answerRequests.push(request.url());
      }
    });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin answers the proposal "accepted" with its costs, checked as typed, and publishes it now',
    async () => {
      await step('find', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('menuitem', { name: 'Propositions' }).click();
        await page.waitForURL(/#\/proposals(\?|$)/);
        await page.getByPlaceholder('Rechercher').fill(title);
        // The search applies after a pause: a row clicked before would be left when it does.
        await page.waitForURL(/filter=.*%22q%22/);
        await page.getByRole('cell', { name: title }).click();
        await page.waitForURL(new RegExp(`#/proposals/${proposal.id}/show`));
        await page.getByText('Sans réponse').first().waitFor();
        await page.getByRole('list', { name: 'Historique' }).getByText('Publiée', { exact: true }).waitFor();
      });

      await step('validate', async () => {
        await page.getByRole('tab', { name: 'Réponse' }).click();
        await page.waitForURL(/\/show\/answer/);
        const form = page.getByRole('region', { name: 'Réponse officielle' });
        await form.getByRole('combobox', { name: /^État de la réponse/ }).click();
        await page.getByRole('option', { name: 'Acceptée', exact: true }).click();
        await form.getByLabel(/^Réponse \(français\)/).fill(answerText);
        expect(await form.getByRole('switch', { name: 'Publier maintenant' }).isChecked()).toBe(true);
        // Accepting in a process that states costs needs them: the form says so and sends nothing.
        await form.getByRole('button', { name: 'Enregistrer la réponse' }).click();
        await form.getByText('Le coût est requis pour accepter dans ce processus.').waitFor();
        await form.getByText('La période de réalisation est requise pour accepter dans ce processus.').waitFor();
        expect(answerRequests).toEqual([]);
        // Each message goes as the field is filled in.
        await form.getByLabel(/^Coût \(€\)/).fill('45000.5');
        await form.getByText('Le coût est requis pour accepter dans ce processus.').waitFor({ state: 'hidden' });
        await form.getByLabel(/^Explication du coût \(français\)/).fill('Dix bancs en chêne, posés par la régie.');
        await form.getByLabel(/^Période de réalisation/).fill('Printemps 2027');
        await form
          .getByText('La période de réalisation est requise pour accepter dans ce processus.')
          .waitFor({ state: 'hidden' });
      });

      await step('answer', async () => {
        const form = page.getByRole('region', { name: 'Réponse officielle' });
        await form.getByRole('button', { name: 'Enregistrer la réponse' }).click();
        await page.getByText('La réponse est enregistrée et publiée.').waitFor();
        expect(answerRequests).toEqual([`${gatewayUrl}/api/v1/proposals/${proposal.id}/answer`]);
        await page.getByText('Modifier la réponse').waitFor();
      });
      answered = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the public API shows the published answer, its cost in cents',
    async () => {
      if (!answered) throw new Error('Not run: answering in the back office failed.');
      const shown = await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`);
      expect(shown.status).toBe(200);
      expect(shown.body.answer).toMatchObject({
        state: 'accepted',
        body: { fr: answerText },
        costCents: 4_500_050,
        costReport: { fr: 'Dix bancs en chêne, posés par la régie.' },
        executionPeriod: 'Printemps 2027',
      });
      expect(shown.body.answer?.publishedAt).toEqual(expect.any(String));
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'on the process page, an import is previewed before anything changes, and held answers are published',
    async () => {
      if (!answered) throw new Error('Not run: answering in the back office failed.');
      const unknownId = '00000000-0000-4000-8000-000000000000';
      await step('import-preview', async () => {
        await page.goto(`${requiredUrl('ADMIN_UI_URL')}/#/processes/${proposal.processId}/show/answers`);
        await page.getByRole('button', { name: 'Importer des réponses' }).click();
        const dialog = page.getByRole('dialog', { name: 'Importer des réponses' });
        await dialog
          .getByLabel('Contenu CSV')
          .fill(`id;state;answer/fr\n${proposal.id};rejected;Déjà prévu ailleurs.\n${unknownId};accepted;Oui`);
        await dialog.getByRole('button', { name: 'Prévisualiser' }).click();
        const rejected = dialog.getByRole('table', { name: /^Lignes refusées/ });
        await rejected.getByRole('cell', { name: unknownId }).waitFor();
        expect(await rejected.getByRole('row').count()).toBe(2);
        expect(await dialog.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
        await dialog.getByRole('button', { name: 'Annuler' }).click();
        await dialog.waitFor({ state: 'hidden' });
      });
      // The dry run changed nothing: the answer is still the accepted one.
      const shown = await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`);
      expect(shown.body.answer?.state).toBe('accepted');

      await step('publish-all', async () => {
        await page.getByRole('button', { name: 'Publier les réponses' }).click();
        const confirm = page.getByRole('dialog', { name: 'Publier les réponses du processus ?' });
        await confirm.getByRole('button', { name: 'Confirmer' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await page.getByText(/^\d+ réponses? publiées?$/).waitFor();
      });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'alice, signed in to the back office, is shown no administration screen',
    async () => {
      const alice = await openBrowser('proposal-answers-alice');
      const proposalsCalls: string[] = [];
      alice.page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith(`${gatewayUrl}/api/v1/`) && /\/(proposals|processes|answers)/.test(url)) {
          proposalsCalls.push(url);
        }
      });
      try {
        await alice.step('sign-in', async () => {
          await signInToBackOffice(alice.page, 'alice');
          await alice.page.getByRole('heading', { name: /^Bienvenue/ }).waitFor();
          await alice.page.getByText('Votre espace dans le back office').waitFor();
          expect(await alice.page.getByRole('menuitem', { name: 'Processus' }).count()).toBe(0);
          expect(await alice.page.getByRole('menuitem', { name: 'Propositions' }).count()).toBe(0);
        });
        await alice.step('no-proposal-page', async () => {
          // Going straight to a proposal's answer form shows no screen of it either.
          await alice.page.goto(`${requiredUrl('ADMIN_UI_URL')}/#/proposals/${proposal.id}/show/answer`);
          // react-admin's page for a route no resource serves.
          await alice.page.getByText('Page manquante').waitFor();
          expect(await alice.page.getByRole('region', { name: 'Réponse officielle' }).count()).toBe(0);
          expect(await alice.page.getByRole('button', { name: 'Enregistrer la réponse' }).count()).toBe(0);
          expect(await alice.page.getByText(title).count()).toBe(0);
          expect(proposalsCalls).toEqual([]);
        });
      } finally {
        await alice.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
