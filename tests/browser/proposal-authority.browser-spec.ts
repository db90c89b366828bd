/**
 * The authority's side of proposals in the back office, on a process of its own set up through
 * the API (the demo consultation's organiser, a territory with a commune under it, geolocation
 * on, one answer state of its own): `admin` publishes an official proposal from the process page,
 * the form saying what is wrong as one types and showing the API's refusal next to the input it
 * is about; then edits the process's answer state.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { AnswerState, Process, Proposal, Territory } from '@convergences/contracts';
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
import { createProcess, demoOrganizer } from '../support/processes';

describe('the authority’s side of proposals in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let adminUiUrl: string;
  let process: Process;
  let organizerName: string;
  let pays: Territory;
  let commune: Territory;
  /** The official proposals the back office sent. */
  let officialRequests: unknown[];

  const stamp = Date.now();
  const title = `Une halle couverte pour le marché de plein vent ${stamp}`;
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);
  const moveCommune = async (parentId: string | null) => {
    const moved = await api('PATCH', `/api/v1/territories/${commune.id}`, { as: 'admin', body: { parentId } });
    expect(moved.status).toBe(200);
  };

  beforeAll(async () => {
    adminUiUrl = requiredUrl('ADMIN_UI_URL');
    const organizer = await demoOrganizer();
    organizerName = organizer.name;
    const territory = async (name: string, type: string, parentId: string | null) => {
      const created = await api<Territory>('POST', '/api/v1/territories', {
        as: 'admin',
        body: { name, type, parentId },
      });
      expect(created.status).toBe(201);
      return created.body;
    };
    pays = await territory(`Pays de Figeac ${stamp}`, 'epci', null);
    commune = await territory(`Capdenac ${stamp}`, 'commune', pays.id);
    process = await createProcess(
      `Centre-bourg de Capdenac ${stamp}`,
      'Des propositions de la collectivité et des habitant·es.',
      { organizerId: organizer.id, territoryId: pays.id, settings: { geolocationEnabled: true } },
    );
    const state = await api('POST', `/api/v1/processes/${process.id}/answer-states`, {
      as: 'admin',
      body: { key: 'etude-fonciere', label: { fr: 'Étude foncière' }, colour: '#1565c0' },
    });
    expect(state.status).toBe(201);

    session = await openBrowser('proposal-authority');
    page = session.page;
    officialRequests = sentBodies(page, 'POST', `/processes/${process.id}/proposals/official`);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'admin publishes an official proposal, checked as typed, the API’s problems next to their input',
    async () => {
      await step('open', async () => {
        await signInToBackOffice(page, 'admin');
        await page.goto(`${adminUiUrl}/#/processes/${process.id}/show/answers`);
        const name = 'Publier une proposition officielle';
        await page.getByRole('link', { name }).click();
        await page.waitForURL(/#\/proposals\/create/);
        // The process is chosen already, and the organiser it will be published under is said.
        await page.getByText('Elle sera publiée au nom de').waitFor();
        await page.getByText(organizerName).first().waitFor();
      });

      await step('validate', async () => {
        const form = page.getByRole('region', { name: 'Publier une proposition officielle' });
        await form.getByLabel(/^Titre/).fill('Une halle');
        await form.getByText('Au moins 15 caractères.').waitFor();
        await form.getByLabel(/^Titre/).fill(title);
        await form.getByText('Au moins 15 caractères.').waitFor({ state: 'hidden' });
        await form.getByLabel(/^Texte/).fill('Sur la place, pour les producteurs du samedi.');
        // A place comes whole: an address alone is refused before anything is sent.
        await form.getByLabel(/^Adresse/).fill('Place Lucter, Capdenac');
        await form.getByRole('button', { name: 'Publier la proposition' }).click();
        const whole = form.getByText('Une adresse va avec sa latitude et sa longitude : donnez les trois, ou aucune.');
        await whole.first().waitFor();
        expect(await whole.count()).toBe(2);
        expect(officialRequests).toEqual([]);
        await form.getByLabel(/^Latitude/).fill('44.5769');
        await form.getByLabel(/^Longitude/).fill('2.0796');
        await whole.first().waitFor({ state: 'hidden' });
        await form.getByRole('combobox', { name: /^Territoire/ }).fill(`Capdenac ${stamp}`);
        await page.getByRole('option', { name: `Capdenac ${stamp}` }).click();
      });

      await step('api-problem', async () => {
        // Meanwhile the commune is moved out of the process's territory: only the API can tell.
        await moveCommune(null);
        const form = page.getByRole('region', { name: 'Publier une proposition officielle' });
        await form.getByRole('button', { name: 'Publier la proposition' }).click();
        await form.getByText("Not the process's territory nor one within it.").waitFor();
        expect(officialRequests).toHaveLength(1);
        expect(page.url()).toMatch(/#\/proposals\/create/);
      });

      await step('publish', async () => {
        await moveCommune(pays.id);
        const form = page.getByRole('region', { name: 'Publier une proposition officielle' });
        await form.getByRole('button', { name: 'Publier la proposition' }).click();
        await page.getByText('La proposition officielle est publiée.').waitFor();
        await page.waitForURL(/#\/proposals\/[0-9a-f-]+\/show/);
      });

      expect(officialRequests[1]).toEqual({
        title,
        body: 'Sur la place, pour les producteurs du samedi.',
        locale: 'fr',
        territoryId: commune.id,
        address: 'Place Lucter, Capdenac',
        latitude: 44.5769,
        longitude: 2.0796,
      });
      const id = /#\/proposals\/([0-9a-f-]+)\/show/.exec(page.url())![1];
      const shown = await api<Proposal>('GET', `/api/v1/proposals/${id}`);
      expect(shown.body).toMatchObject({
        official: true,
        state: 'published',
        title,
        authorName: organizerName,
        territoryId: commune.id,
        latitude: 44.5769,
      });
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'admin edits the process’s own answer state: its label and colour',
    async () => {
      const patches: unknown[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PATCH' && request.url().endsWith('/answer-states/etude-fonciere')) {
          patches.push(request.postDataJSON());
        }
      });
      await step('edit-state', async () => {
        await page.goto(`${adminUiUrl}/#/processes/${process.id}/show/answers`);
        await page.getByRole('button', { name: 'Modifier l’état « Étude foncière »' }).click();
        const dialog = page.getByRole('dialog', { name: 'Modifier l’état « etude-fonciere »' });
        await dialog.getByLabel(/^Libellé \(français\)/).fill('');
        await dialog.getByRole('button', { name: 'Enregistrer l’état' }).click();
        await dialog.getByText('Ce champ est requis').waitFor();
        expect(patches).toEqual([]);
        await dialog.getByLabel(/^Libellé \(français\)/).fill('Étude foncière et juridique');
        await dialog.getByLabel(/^Libellé \(anglais\)/).fill('Land and legal study');
        await dialog.getByLabel(/^Couleur/).fill('#2e7d32');
        await dialog.getByRole('button', { name: 'Enregistrer l’état' }).click();
        await page.getByText('L’état est modifié.').waitFor();
        await dialog.waitFor({ state: 'hidden' });
        await page
          .getByRole('table', { name: 'États de réponse du processus' })
          .getByText('Étude foncière et juridique')
          .waitFor();
      });
      expect(patches).toEqual([
        { label: { fr: 'Étude foncière et juridique', en: 'Land and legal study' }, colour: '#2e7d32', position: 1 },
      ]);
      const states = await api<{ data: AnswerState[] }>('GET', `/api/v1/processes/${process.id}/answer-states`);
      expect(states.body.data).toEqual([
        expect.objectContaining({
          key: 'etude-fonciere',
          label: { fr: 'Étude foncière et juridique', en: 'Land and legal study' },
          colour: '#2e7d32',
          position: 1,
        }),
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
