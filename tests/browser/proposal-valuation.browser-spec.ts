/**
 * Valuation in the back office end to end, on a process of its own set up through the API (the
 * demo user `valuator` holds the valuator role there, two proposals of alice and bob): `admin`
 * puts `valuator` in charge of one proposal from its page; `valuator`, signed in to the back
 * office, sees that proposal only under « Mes propositions à évaluer » and no administration
 * screen, writes a private note and drafts an answer, which stays held; `admin` then sees the
 * drafted answer and publishes the process's held answers, and the public API shows it.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Me, Process, Proposal, Valuation } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  requiredUrl,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';
import { assignProcessRole, openProcess } from '../support/processes';

describe('proposal valuation in the back office', () => {
  let admin: BrowserSession | undefined;
  let page: Page;
  let adminUiUrl: string;
  let process: Process;
  let valuator: Me;
  let assigned: Proposal;
  let notAssigned: Proposal;
  /** Set once each step of the story has passed: the next ones build on it. */
  const done = { assigned: false, drafted: false };

  const stamp = Date.now();
  const processTitle = `Budget participatif de Figeac ${stamp}`;
  const assignedTitle = `Une recyclerie au bord du Célé ${stamp}`;
  const notAssignedTitle = `Des jardins partagés à la Cure ${stamp}`;
  const note = 'Le terrain appartient à la commune : à vérifier avec le service foncier.';
  const draft = 'À l’étude avec le service foncier de la commune.';
  const step = (label: string, action: () => Promise<void>) => admin!.step(label, action);

  beforeAll(async () => {
    adminUiUrl = requiredUrl('ADMIN_UI_URL');
    valuator = (await api<Me>('GET', '/api/v1/me', { as: 'valuator' })).body;
    process = await openProcess({
      title: processTitle,
      description: 'Des propositions étudiées par des évaluateur·rices.',
      phase: { title: 'Propositions', rules: { proposals: { creationEnabled: true } } },
    });
    const propose = async (as: string, title: string) => {
      const response = await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as,
        body: { title, body: 'Le détail de la proposition, pour les évaluateur·rices.' },
      });
      expect(response.status).toBe(201);
      return response.body;
    };
    assigned = await propose('alice', assignedTitle);
    notAssigned = await propose('bob', notAssignedTitle);
    await assignProcessRole(process.id, valuator.id, 'valuator');

    admin = await openBrowser('proposal-valuation');
    page = admin.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await admin?.close();
    // Other files use the demo valuator: leave their roles as they were.
    if (process) {
      await api('DELETE', `/api/v1/processes/${process.id}/roles/${valuator.id}/valuator`, { as: 'admin' });
    }
  });

  test(
    'admin puts valuator in charge of one proposal from its page',
    async () => {
      await step('assign', async () => {
        await signInToBackOffice(page, 'admin');
        await page.goto(`${adminUiUrl}/#/proposals/${assigned.id}/show/valuation`);
        await page.getByText('Aucun·e évaluateur·rice n’est chargé·e de cette proposition.').waitFor();
        await page.getByRole('combobox', { name: /^Évaluateur·rice/ }).click();
        await page.getByRole('option', { name: /Valérie/ }).click();
        await page.getByRole('button', { name: 'Confier' }).click();
        await page.getByText('La proposition est confiée à l’évaluateur·rice.').waitFor();
        await page
          .getByRole('list', { name: 'Évaluateur·rices' })
          .getByText(/Valérie/)
          .waitFor();
      });
      const valuation = await api<Valuation>('GET', `/api/v1/proposals/${assigned.id}/valuation`, { as: 'admin' });
      expect(valuation.body.valuators.map((v) => v.personId)).toEqual([valuator.id]);
      done.assigned = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'valuator sees that proposal only, and no administration screen; writes a note and drafts an answer',
    async () => {
      if (!done.assigned) throw new Error('Not run: assigning the valuator in the back office failed.');
      const session = await openBrowser('proposal-valuation-valuator');
      const own = session.page;
      /** The answers the valuator sent: drafts only, never published. */
      const answers: unknown[] = [];
      own.on('request', (request) => {
        if (request.method() === 'PUT' && request.url().endsWith(`/api/v1/proposals/${assigned.id}/answer`)) {
          answers.push(request.postDataJSON());
        }
      });
      try {
        await session.step('sign-in', async () => {
          await signInToBackOffice(own, 'valuator');
          await own.getByRole('heading', { name: /^Bienvenue/ }).waitFor();
          // The dashboard counts their proposals instead of saying the back office is not for them.
          await own.getByTestId('count-valuations').waitFor();
          await own.getByRole('menuitem', { name: 'Mes propositions à évaluer' }).waitFor();
          for (const screen of ['Processus', 'Propositions', 'Organisations', 'Personnes']) {
            expect(await own.getByRole('menuitem', { name: screen, exact: true }).count()).toBe(0);
          }
          expect(await own.getByText('Accès réservé aux administrateurs').count()).toBe(0);
        });

        await session.step('list', async () => {
          await own.getByRole('menuitem', { name: 'Mes propositions à évaluer' }).click();
          await own.waitForURL(/#\/valuations(\?|$)/);
          await own.getByRole('cell', { name: assignedTitle }).waitFor();
          expect(await own.getByText(notAssignedTitle).count()).toBe(0);
          await own.getByRole('cell', { name: assignedTitle }).click();
          await own.waitForURL(new RegExp(`#/valuations/${assigned.id}/show`));
          await own.getByRole('list', { name: 'Historique' }).getByText('Publiée', { exact: true }).waitFor();
        });

        await session.step('note', async () => {
          await own.getByRole('tab', { name: 'Notes privées' }).click();
          expect(await own.getByLabel(/^Nouvelle note/).inputValue()).toBe('');
          await own.getByLabel(/^Nouvelle note/).fill(note);
          await own.getByRole('button', { name: 'Ajouter la note' }).click();
          await own.getByText('La note est ajoutée.').waitFor();
          await own.getByRole('list', { name: 'Notes privées' }).getByText(note).waitFor();
        });

        await session.step('draft', async () => {
          await own.getByRole('tab', { name: 'Réponse' }).click();
          const form = own.getByRole('region', { name: 'Réponse officielle' });
          await form.getByRole('combobox', { name: /^État de la réponse/ }).click();
          await own.getByRole('option', { name: 'En évaluation', exact: true }).click();
          await form.getByLabel(/^Réponse \(français\)/).fill(draft);
          // A valuator drafts: nothing in the form publishes.
          expect(await form.getByRole('switch', { name: 'Publier maintenant' }).count()).toBe(0);
          await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
          await own
            .getByText('Le brouillon de réponse est enregistré : un·e administrateur·rice le publiera.')
            .waitFor();
          await own.getByRole('heading', { name: 'Modifier le brouillon de réponse' }).waitFor();
          expect(answers).toEqual([{ state: 'evaluating', body: { fr: draft }, publish: false }]);
        });

        await session.step('no-admin-screen', async () => {
          // Going straight to the administrators' page of a proposal shows nothing of it.
          await own.goto(`${adminUiUrl}/#/proposals/${notAssigned.id}/show/answer`);
          await own.getByText('Page manquante').waitFor();
          expect(await own.getByText(notAssignedTitle).count()).toBe(0);
        });
      } finally {
        await session.close();
      }
      const shown = await api<Proposal>('GET', `/api/v1/proposals/${assigned.id}`);
      expect(shown.body.answer).toBeNull();
      done.drafted = true;
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'admin sees the drafted answer and the note, publishes the held answers, and the public API shows it',
    async () => {
      if (!done.drafted) throw new Error('Not run: the valuator’s draft in the back office failed.');
      await step('see-draft', async () => {
        // From the list, as an admin comes back to it: the page reads the proposal afresh.
        await page.goto(`${adminUiUrl}/#/proposals`);
        await page.getByPlaceholder('Rechercher').fill(assignedTitle);
        // The search applies after a pause: a row clicked before would be left when it does.
        await page.waitForURL(/filter=.*%22q%22/);
        await page.getByRole('cell', { name: assignedTitle }).click();
        await page.waitForURL(new RegExp(`#/proposals/${assigned.id}/show`));
        await page.getByRole('tab', { name: 'Évaluation' }).click();
        await page.getByRole('list', { name: 'Notes privées' }).getByText(note).waitFor();
        // The note form starts empty, not from the proposal's text.
        expect(await page.getByLabel(/^Nouvelle note/).inputValue()).toBe('');
        // Beside the notes, the valuations with the process's grid: this process chose none.
        await page.getByRole('heading', { name: 'Évaluations avec la grille du processus' }).waitFor();
        await page.getByText('Le processus n’a pas encore de grille d’évaluation des propositions.').waitFor();
        await page.getByRole('tab', { name: 'Réponse' }).click();
        await page.getByText('En évaluation (non publiée)').first().waitFor();
        await page.getByText(/^Cette réponse n’est pas publiée/).waitFor();
        const form = page.getByRole('region', { name: 'Réponse officielle' });
        expect(await form.getByLabel(/^Réponse \(français\)/).inputValue()).toBe(draft);
      });

      await step('publish', async () => {
        await page.goto(`${adminUiUrl}/#/processes/${process.id}/show/answers`);
        await page.getByRole('button', { name: 'Publier les réponses' }).click();
        const confirm = page.getByRole('dialog', { name: 'Publier les réponses du processus ?' });
        await confirm.getByRole('button', { name: 'Confirmer' }).click();
        await confirm.waitFor({ state: 'hidden' });
        await page.getByText('1 réponse publiée').waitFor();
      });

      const shown = await api<Proposal>('GET', `/api/v1/proposals/${assigned.id}`);
      expect(shown.status).toBe(200);
      expect(shown.body.answer).toMatchObject({ state: 'evaluating', body: { fr: draft } });
      expect(shown.body.answer?.publishedAt).toEqual(expect.any(String));
      expect((await api<Proposal>('GET', `/api/v1/proposals/${notAssigned.id}`)).body.answer).toBeNull();
      // Notes stay private.
      expect(JSON.stringify(shown.body)).not.toContain(note);
    },
    TEST_TIMEOUT_MS,
  );
});
