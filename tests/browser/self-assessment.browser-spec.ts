/**
 * A member writes her organisation's self-assessment (auto-évaluation) in the back office: a grid
 * of its own (a level scale on a criterion that asks for a narrative, a yes/no on another),
 * adopted; an organisation `alice` creates, so she is its member; a campaign `admin` opens with it
 * as subject — all through the API. Then alice finds her evaluation on the dashboard, opens the
 * subject, starts the self-assessment, picks a level and answers yes, tries to submit and is told
 * the narrative is missing, writes it, saves and submits. The API then shows it submitted with
 * exactly those answers.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Assessment, Campaign, Criterion, Indicator, Organization } from '@convergences/contracts';
import type { Page } from 'playwright-core';
import { uniqueStamp } from '../support/api';
import { adoptedGrid, call, criterionOf, eventually, level } from '../support/evaluations';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('writing a self-assessment in the back office', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  const stamp = uniqueStamp();
  const campaignTitle = `Campagne des ressourceries ${stamp}`;
  const organizationName = `Ressourcerie du Haut-Rouergue ${stamp}`;
  const narrative = 'Les bénévoles votent le programme de l’année en assemblée, deux fois par an.';
  let participation: Criterion;
  let transparency: Criterion;
  let scale: Indicator;
  let accounts: Indicator;
  const step = (label: string, action: () => Promise<void>) => session!.step(label, action);

  beforeAll(async () => {
    // The grid: a level scale on a criterion that asks for a narrative, a yes/no on another.
    const framework = await adoptedGrid({
      title: `Grille ${stamp}`,
      dimensions: [
        {
          title: 'Gouvernance',
          criteria: [
            {
              title: 'Participation aux décisions',
              narrativeRequired: true,
              indicators: [
                {
                  kind: 'level_scale',
                  title: { fr: 'Place des bénévoles' },
                  levels: [
                    level(1, 'Informés', 'Les bénévoles apprennent les décisions une fois prises.'),
                    level(2, 'Consultés', 'Leur avis est demandé avant de décider.'),
                    level(3, 'Associés', 'Ils décident avec les salariés en assemblée.'),
                  ],
                },
              ],
            },
            {
              title: 'Transparence',
              indicators: [{ kind: 'yes_no', title: { fr: 'Comptes présentés à tous' } }],
            },
          ],
        },
      ],
    });
    participation = criterionOf(framework, 'Participation aux décisions');
    transparency = criterionOf(framework, 'Transparence');
    [scale] = participation.indicators;
    [accounts] = transparency.indicators;

    const organization = await call<Organization>(
      'alice',
      'POST',
      '/api/v1/organizations',
      { name: organizationName, kind: 'association' },
      201,
    );
    const campaign = await call<Campaign>(
      'admin',
      'POST',
      '/api/v1/campaigns',
      { frameworkId: framework.id, title: { fr: campaignTitle }, startsOn: day(-1), endsOn: day(60) },
      201,
    );
    const base = `/api/v1/campaigns/${campaign.id}`;
    await eventually(() => call('admin', 'POST', `${base}/subjects`, { organizationId: organization.id }, 201));
    await call('admin', 'POST', `${base}/transitions`, { to: 'open' });

    session = await openBrowser('self-assessment');
    page = session.page;
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'alice finds her evaluation on the dashboard, is told the narrative is missing, writes it and submits',
    async () => {
      const criterion = (title: string) => page.getByTestId('criterion-answer').filter({ hasText: title });
      const submit = async () => {
        await page.getByRole('button', { name: 'Remettre' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Remettre' }).click();
      };

      await step('dashboard', async () => {
        await signInToBackOffice(page, 'alice');
        const campaign = page.getByTestId('my-campaign').filter({ hasText: campaignTitle });
        await campaign.getByRole('link', { name: organizationName }).click();
        await page.waitForURL(/#\/campaigns\/[^/]+\/subjects\/[^/]+$/);
        await page.getByRole('heading', { level: 1, name: organizationName }).waitFor();
      });
      await step('start', async () => {
        await page.getByRole('button', { name: 'Écrire l’auto-évaluation' }).click();
        await page.waitForURL(/#\/assessments\/[^/]+$/);
        await page.getByRole('heading', { level: 1, name: `Auto-évaluation — ${organizationName}` }).waitFor();
      });
      await step('answer', async () => {
        // Each level shows its label and what it means.
        await criterion('Participation aux décisions')
          .getByText('Ils décident avec les salariés en assemblée.')
          .waitFor();
        await criterion('Participation aux décisions')
          .getByRole('radio', { name: /Associés/ })
          .check();
        await criterion('Transparence').getByRole('button', { name: 'Oui' }).click();
      });
      await step('missing narrative', async () => {
        await submit();
        await page
          .getByTestId('missing-answers')
          .getByText(/Participation aux décisions : le récit/)
          .waitFor();
        await criterion('Participation aux décisions').getByText('Le récit est à écrire avant de remettre.').waitFor();
        expect(await page.getByTestId('answer-sheet').getAttribute('data-status')).toBe('draft');
      });
      await step('save', async () => {
        await criterion('Participation aux décisions').getByRole('textbox', { name: 'Récit' }).fill(narrative);
        await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
        await page.getByText('Le brouillon est enregistré.').waitFor();
      });
      await step('submit', async () => {
        await submit();
        await page.getByTestId('submitted').waitFor();
        await page.getByTestId('assessment-status').getByText('Remise').waitFor();
        expect(await page.getByRole('button', { name: 'Enregistrer le brouillon' }).count()).toBe(0);
      });

      const assessmentId = new URL(page.url()).hash.split('/').pop()!;
      const saved = await call<Assessment>('alice', 'GET', `/api/v1/assessments/${assessmentId}`);
      expect(saved.status).toBe('submitted');
      expect(saved.submittedAt).not.toBeNull();
      expect(saved.answers).toEqual([
        {
          criterionId: participation.id,
          narrative,
          evidence: [],
          values: [{ indicatorId: scale.id, value: 3 }],
        },
        {
          criterionId: transparency.id,
          narrative: null,
          evidence: [],
          values: [{ indicatorId: accounts.id, value: 1 }],
        },
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
