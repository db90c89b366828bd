/**
 * Debates in the back office end to end, on a process of its own set up through the API (the
 * demo consultation's organiser, a phase that takes comments): `admin` opens an official debate
 * from the process page, the form checking it with the contract as one types; adds an
 * information update; closes it with conclusions. The public API then shows it closed with those
 * conclusions, and a comment on it is refused. A process's moderator and admin who is not a
 * platform admin finds their queue and their debates on the dashboard.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Debate, Me, Process } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  requiredUrl,
  sentBodies,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';
import { assignProcessRole, demoOrganizer, openProcess } from '../support/processes';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A `datetime-local` input's value for an instant, in the machine's time zone (the browser's too). */
const localInput = (time: Date) => {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())}T${two(time.getHours())}:${two(time.getMinutes())}`;
};

describe('debates in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let adminUiUrl: string;
  let process: Process;
  let organizerName: string;
  /** The debates the back office opened (`POST /processes/{id}/debates`). */
  let createRequests: unknown[];

  const stamp = Date.now();
  const title = `Quelle place pour les tiers-lieux dans le bourg ? ${stamp}`;
  const englishTitle = `What place for third places in the town centre? ${stamp}`;
  const description = 'Une friche artisanale se libère : atelier partagé, café associatif, espace de coworking ?';
  const instructions = 'Une contribution par idée, argumentée ; restez courtois.';
  const news = 'Une visite de la friche est organisée samedi à 10 h, ouverte à toutes et à tous.';
  const conclusions =
    'Le conseil retient un tiers-lieu porté par une association du territoire, avec un atelier partagé.';
  // A window around now, so that only the closing can refuse a comment.
  const startsAt = new Date(Date.now() - DAY_MS);
  const endsAt = new Date(Date.now() + 30 * DAY_MS);
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    adminUiUrl = requiredUrl('ADMIN_UI_URL');
    const organizer = await demoOrganizer();
    organizerName = organizer.name;
    process = await openProcess({
      title: `Revitalisation du centre-bourg de Saint-Affrique ${stamp}`,
      description: 'Débattre de l’avenir des locaux vacants du bourg.',
      phase: { title: 'Débats', rules: { comments: { enabled: true } } },
      fields: { organizerId: organizer.id },
    });

    session = await openBrowser('debates');
    page = session.page;
    createRequests = sentBodies(page, 'POST', `/processes/${process.id}/debates`);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin opens an official debate, adds an information update and closes it with conclusions; comments are then refused',
    async () => {
      await step('open-form', async () => {
        await signInToBackOffice(page, 'admin');
        await page.goto(`${adminUiUrl}/#/processes/${process.id}/show/debates`);
        await page.getByText('Aucun débat.').waitFor();
        await page.getByRole('link', { name: 'Débat officiel' }).click();
        await page.waitForURL(/#\/debates\/create/);
        // The process is chosen already, and the organiser it will be opened under is said.
        await page.getByText('Il sera ouvert au nom de').waitFor();
        await page.getByText(organizerName).first().waitFor();
      });

      await step('validate', async () => {
        const form = page.getByRole('region', { name: 'Ouvrir un débat officiel' });
        await form.getByLabel(/^Titre \(français\)/).fill('Tiers-lieux');
        await form.getByText('Au moins 15 caractères.').waitFor();
        await form.getByLabel(/^Titre \(français\)/).fill(title);
        await form.getByText('Au moins 15 caractères.').waitFor({ state: 'hidden' });
        await form.getByLabel(/^Description \(français\)/).fill(description);
        await form.getByLabel(/^Consignes \(français\)/).fill(instructions);
        // The contract's rule on the window: its end after its start, said before anything is sent.
        await form.getByLabel(/^Début des commentaires/).fill(localInput(startsAt));
        await form.getByLabel(/^Fin des commentaires/).fill(localInput(new Date(startsAt.getTime() - DAY_MS)));
        await form.getByText('La fin vient après le début.').waitFor();
        await form.getByRole('button', { name: 'Ouvrir le débat' }).click();
        expect(createRequests).toEqual([]);
        await form.getByLabel(/^Fin des commentaires/).fill(localInput(endsAt));
        await form.getByText('La fin vient après le début.').waitFor({ state: 'hidden' });
      });

      await step('create', async () => {
        const form = page.getByRole('region', { name: 'Ouvrir un débat officiel' });
        await form.getByRole('button', { name: 'Ouvrir le débat' }).click();
        await page.getByText('Le débat officiel est ouvert.').waitFor();
        await page.waitForURL(/#\/debates\/[0-9a-f-]+\/show/);
        await page.getByText(instructions).waitFor();
      });
      expect(createRequests).toEqual([
        {
          official: true,
          title: { fr: title },
          description: { fr: description },
          instructions: { fr: instructions },
          startsAt: expect.any(String),
          endsAt: expect.any(String),
        },
      ]);
      const debateId = /#\/debates\/([0-9a-f-]+)\/show/.exec(page.url())![1];

      await step('edit', async () => {
        await page.getByRole('link', { name: 'Éditer' }).click();
        await page.waitForURL(new RegExp(`#/debates/${debateId}$`));
        await page.getByLabel(/^Titre \(anglais\)/).fill('Short');
        await page.getByText('Au moins 15 caractères.').waitFor();
        await page.getByLabel(/^Titre \(anglais\)/).fill(englishTitle);
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.getByText('Le débat est modifié.').waitFor();
        await page.waitForURL(new RegExp(`#/debates/${debateId}/show`));
        await page.getByText(englishTitle).waitFor();
      });

      await step('information-update', async () => {
        await page.getByRole('button', { name: 'Ajouter une information' }).click();
        const dialog = page.getByRole('dialog', { name: 'Ajouter une information au débat' });
        await dialog.getByLabel(/^Information \(français\)/).fill(news);
        await dialog.getByRole('button', { name: 'Ajouter une information' }).click();
        await page.getByText('L’information est ajoutée au débat.').waitFor();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('list', { name: 'Informations ajoutées' }).getByText(news).waitFor();
      });

      await step('close', async () => {
        await page.getByRole('button', { name: 'Clore avec des conclusions' }).click();
        const dialog = page.getByRole('dialog', { name: 'Clore le débat' });
        await dialog.getByLabel(/^Conclusions \(français\)/).fill('Adopté.');
        await dialog.getByText('Au moins 10 caractères.').waitFor();
        await dialog.getByLabel(/^Conclusions \(français\)/).fill(conclusions);
        await dialog.getByRole('button', { name: 'Clore le débat' }).click();
        await page.getByText('Le débat est clos.').waitFor();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText(conclusions).waitFor();
        await page.getByRole('button', { name: 'Rouvrir' }).waitFor();
        // Closed, it is no longer edited nor given news.
        expect(await page.getByRole('button', { name: 'Ajouter une information' }).count()).toBe(0);
      });

      await step('process-tab', async () => {
        await page.goto(`${adminUiUrl}/#/processes/${process.id}/show/debates`);
        const row = page.getByRole('row').filter({ hasText: title });
        await row.getByText('Clos', { exact: true }).waitFor();
        await row.getByText('Officiel', { exact: true }).waitFor();
      });

      const shown = await api<Debate>('GET', `/api/v1/debates/${debateId}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({
        processId: process.id,
        official: true,
        authorName: organizerName,
        title: { fr: title, en: englishTitle },
        description: { fr: description },
        instructions: { fr: instructions },
        informationUpdates: [{ body: { fr: news } }],
        state: 'closed',
        conclusions: { fr: conclusions },
      });
      expect(Date.parse(shown.body.startsAt!)).toBe(Math.floor(startsAt.getTime() / 60_000) * 60_000);
      const comment = await api<{ code: string }>('POST', `/api/v1/debates/${debateId}/comments`, {
        as: 'alice',
        body: { body: 'Et pourquoi pas une épicerie solidaire ?' },
      });
      expect(comment.status).toBe(409);
      expect(comment.body.code).toBe('debate_closed');
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'a process moderator and admin who is not a platform admin finds their queue and their debates on the dashboard',
    async () => {
      const moderator = (await api<Me>('GET', '/api/v1/me', { as: 'moderator' })).body;
      const roles = ['moderator', 'admin'] as const;
      for (const role of roles) await assignProcessRole(process.id, moderator.id, role);
      const own = await openBrowser('debates-moderator');
      try {
        await own.step('dashboard', async () => {
          await signInToBackOffice(own.page, 'moderator');
          await own.page.getByRole('heading', { name: /^Bienvenue/ }).waitFor();
          await own.page.getByText('Vous modérez un ou plusieurs processus').waitFor();
          await own.page.getByTestId('count-moderations').waitFor();
          expect(await own.page.getByText('Accès réservé aux administrateurs').count()).toBe(0);
          // Their menu: the queue and the debates, no platform administration.
          await own.page.getByRole('menuitem', { name: 'Modération' }).waitFor();
          await own.page.getByRole('menuitem', { name: 'Débats' }).waitFor();
          expect(await own.page.getByRole('menuitem', { name: 'Processus', exact: true }).count()).toBe(0);
        });
        await own.step('debates', async () => {
          await own.page.getByRole('link', { name: `Débats de « ${process.title.fr} »` }).click();
          await own.page.waitForURL(/#\/debates\?/);
          await own.page.getByText(process.title.fr).first().waitFor();
        });
      } finally {
        await own.close();
        // Other files use the demo moderator: leave their roles as they were.
        for (const role of roles) {
          await api('DELETE', `/api/v1/processes/${process.id}/roles/${moderator.id}/${role}`, { as: 'admin' });
        }
      }
    },
    TEST_TIMEOUT_MS,
  );
});
