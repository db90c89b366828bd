/**
 * A valuator values a proposal with the grid its process chose, in the back office: a small grid
 * adopted (a four-level scale on one criterion, a yes/no on another that asks for a narrative); a
 * process of its own with a published proposal of alice; the demo user `valuator` given the
 * valuator role there and put in charge of the proposal; the grid chosen for the process — all
 * through the API. Then `valuator` opens the proposal from « Mes propositions à évaluer », starts
 * « Évaluer avec la grille » in its grid tab, picks a level, answers yes, writes the summary and
 * the narrative, and submits. The API then shows one valuation, submitted, by them, with exactly
 * those answers and their scores.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Criterion, FrameworkValuation, Indicator, Me, Process, Proposal } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { api, uniqueStamp } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';
import { adoptedGrid, call, criterionOf, level } from '../support/evaluations';
import { assignProcessRole, openProcess } from '../support/processes';

describe('valuing a proposal with the process’s grid in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let process: Process | undefined;
  let valuator: Me;
  let proposal: Proposal;
  let feasibility: Criterion;
  let usefulness: Criterion;
  let scale: Indicator;
  let needed: Indicator;
  const stamp = uniqueStamp();
  const proposalTitle = `Une conserverie solidaire à Millau ${stamp}`;
  const summary = 'Un projet porté par deux associations du quartier, chiffré avec soin.';
  const narrative = 'Les habitant·es du quartier en parlent depuis deux ans aux réunions publiques.';
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    valuator = (await api<Me>('GET', '/api/v1/me', { as: 'valuator' })).body;

    // The grid: four levels on one criterion, a yes/no on another that asks for a narrative.
    const framework = await adoptedGrid({
      title: `Grille des propositions ${stamp}`,
      dimensions: [
        {
          title: 'Intérêt de la proposition',
          criteria: [
            {
              title: 'Faisabilité',
              indicators: [
                {
                  kind: 'level_scale',
                  title: { fr: 'Maturité du projet' },
                  levels: [
                    level(1, 'Une idée', 'Rien n’est encore chiffré ni situé.'),
                    level(2, 'Esquissé', 'Un lieu est envisagé, le coût reste à établir.'),
                    level(3, 'Chiffré', 'Le lieu et le coût sont connus, les porteurs aussi.'),
                    level(4, 'Prêt', 'Tout est réuni pour commencer dès le vote.'),
                  ],
                },
              ],
            },
            {
              title: 'Utilité sociale',
              narrativeRequired: true,
              indicators: [{ kind: 'yes_no', title: { fr: 'Répond à un besoin exprimé' } }],
            },
          ],
        },
      ],
    });
    feasibility = criterionOf(framework, 'Faisabilité');
    usefulness = criterionOf(framework, 'Utilité sociale');
    [scale] = feasibility.indicators;
    [needed] = usefulness.indicators;

    process = await openProcess({
      title: `Budget participatif de Millau ${stamp}`,
      description: 'Des propositions évaluées avec une grille.',
      phase: { title: 'Propositions', rules: { proposals: { creationEnabled: true } } },
    });
    proposal = await call<Proposal>(
      'alice',
      'POST',
      `/api/v1/processes/${process.id}/proposals`,
      { title: proposalTitle, body: 'Transformer les fruits invendus du marché en conserves.' },
      201,
    );
    await assignProcessRole(process.id, valuator.id, 'valuator');
    await call('admin', 'POST', `/api/v1/proposals/${proposal.id}/valuators`, { personId: valuator.id }, 201);
    await call('admin', 'PUT', `/api/v1/processes/${process.id}/valuation-framework`, {
      frameworkId: framework.id,
    });

    session = await openBrowser('grid-valuation');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
    // Other files use the demo valuator: leave their roles as they were.
    if (process) {
      await api('DELETE', `/api/v1/processes/${process.id}/roles/${valuator.id}/valuator`, { as: 'admin' });
    }
  });

  test(
    'valuator opens the proposal from their list, values it with the grid and submits',
    async () => {
      const criterion = (title: string) => page.getByTestId('criterion-answer').filter({ hasText: title });

      await step('list', async () => {
        await signInToBackOffice(page, 'valuator');
        await page.getByRole('menuitem', { name: 'Mes propositions à évaluer' }).click();
        await page.waitForURL(/#\/valuations(\?|$)/);
        await page.getByRole('cell', { name: proposalTitle }).click();
        await page.waitForURL(new RegExp(`#/valuations/${proposal.id}/show`));
      });
      await step('start', async () => {
        await page.getByRole('tab', { name: 'Évaluations avec la grille du processus' }).click();
        await page.getByText('Aucune évaluation avec la grille pour l’instant.').waitFor();
        await page.getByRole('button', { name: 'Évaluer avec la grille' }).click();
        await page.getByTestId('grid-valuation-form').waitFor();
        await page.getByRole('heading', { name: 'Mon évaluation avec la grille du processus' }).waitFor();
      });
      await step('answer', async () => {
        // Each level shows its label and what it means.
        await criterion('Faisabilité').getByText('Le lieu et le coût sont connus, les porteurs aussi.').waitFor();
        await criterion('Faisabilité')
          .getByRole('radio', { name: /Chiffré/ })
          .check();
        await criterion('Utilité sociale').getByRole('button', { name: 'Oui' }).click();
        await criterion('Utilité sociale').getByRole('textbox', { name: 'Récit' }).fill(narrative);
        await page.getByRole('textbox', { name: 'Synthèse' }).fill(summary);
      });
      await step('submit', async () => {
        // Unsaved answers are saved first, then submitted.
        await page.getByRole('button', { name: 'Remettre' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Remettre' }).click();
        await page.getByText('L’évaluation est remise.').waitFor();
        await page.getByTestId('submitted').waitFor();
        expect(await page.getByTestId('answer-sheet').getAttribute('data-status')).toBe('submitted');
        expect(await page.getByRole('button', { name: 'Enregistrer le brouillon' }).count()).toBe(0);
        // The list beside the form shows it submitted, with its scores.
        const listed = page.getByTestId('grid-valuation');
        await listed.getByText('Remise', { exact: true }).waitFor();
        await listed.getByText('66.7 / 100').waitFor();
        await listed.getByText('100 / 100').waitFor();
      });

      const valuations = await call<{ data: FrameworkValuation[] }>(
        'admin',
        'GET',
        `/api/v1/proposals/${proposal.id}/valuations`,
      );
      expect(valuations.data).toHaveLength(1);
      const [valuation] = valuations.data;
      expect(valuation).toMatchObject({
        status: 'submitted',
        proposalId: proposal.id,
        processId: process!.id,
        authorId: valuator.id,
        recommendations: summary,
      });
      expect(valuation.submittedAt).not.toBeNull();
      expect(valuation.answers).toEqual([
        { criterionId: feasibility.id, narrative: null, evidence: [], values: [{ indicatorId: scale.id, value: 3 }] },
        { criterionId: usefulness.id, narrative, evidence: [], values: [{ indicatorId: needed.id, value: 1 }] },
      ]);
      // A level by its place on the scale, (3 − 1) / (4 − 1); yes 100.
      expect(valuation.scores).toEqual([
        { criterionId: feasibility.id, score: 66.7 },
        { criterionId: usefulness.id, score: 100 },
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
