/**
 * A coordinator reads a subject's results in the back office: the demo's closed 2025 campaign
 * (coordinated by `admin`, who created it), one of its five organisations, the radar chart of
 * self, peers, stakeholders and committee per dimension, and the narratives beside the figures —
 * the subject's own récit and its peer's. The page's figures are the API's.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts).
 */
import type { Campaign, Page as ApiPage, Subject, SubjectResults } from '@convergences/contracts';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  signInToBackOffice,
  type BrowserSession,
} from '../support/browser';

const CAMPAIGN = 'Campagne d’évaluation 2025';
const SUBJECT = "Garage solidaire de l'agglomération caennaise";

describe('evaluation results in the back office', () => {
  let session: BrowserSession | undefined;
  let expected: SubjectResults;

  beforeAll(async () => {
    const campaigns = await api<ApiPage<Campaign>>('GET', '/api/v1/campaigns?perPage=100', { as: 'admin' });
    const campaign = campaigns.body.data.find((c) => c.title.fr === CAMPAIGN)!;
    const subjects = await api<ApiPage<Subject>>('GET', `/api/v1/campaigns/${campaign.id}/subjects?perPage=100`, {
      as: 'admin',
    });
    const subject = subjects.body.data.find((s) => s.name === SUBJECT)!;
    expected = (
      await api<SubjectResults>('GET', `/api/v1/campaigns/${campaign.id}/subjects/${subject.id}/results`, {
        as: 'admin',
      })
    ).body;
    session = await openBrowser('evaluation-results');
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'a coordinator opens a subject’s results and sees the radar chart and the narratives',
    async () => {
      const page = session!.page;
      await session!.step('campaign', async () => {
        await signInToBackOffice(page, 'admin');
        await page.getByRole('menuitem', { name: 'Campagnes d’évaluation' }).click();
        await page.waitForURL(/#\/campaigns/);
        await page.getByRole('row').filter({ hasText: CAMPAIGN }).first().click();
        await page.getByRole('tab', { name: 'Structures évaluées' }).waitFor();
      });
      await session!.step('subject results', async () => {
        const row = page.getByRole('row').filter({ hasText: SUBJECT });
        await row.getByRole('link', { name: 'Résultats' }).click();
        await page.waitForURL(/#\/campaigns\/[^/]+\/subjects\/[^/]+\/results/);
      });
      await session!.step('radar and narratives', async () => {
        const radar = page.getByTestId('results-radar');
        await radar.locator('svg').first().waitFor();
        // One axis per dimension of the grid, numbered as in the list beside it.
        for (const dimension of expected.dimensions) {
          await radar.getByText(dimension.title.fr).first().waitFor();
        }
        const narratives = page.getByTestId('narrative');
        await narratives.first().waitFor();
        const selfStory = expected.criteria.flatMap((c) => c.narratives).find((n) => n.perspective === 'self')!;
        const peerStory = expected.criteria.flatMap((c) => c.narratives).find((n) => n.perspective === 'peer')!;
        await page
          .locator('[data-testid="narrative"][data-perspective="self"]')
          .filter({ hasText: selfStory.text })
          .first()
          .waitFor();
        await page
          .locator('[data-testid="narrative"][data-perspective="peer"]')
          .filter({ hasText: peerStory.text })
          .first()
          .waitFor();
        expect(await narratives.count()).toBe(expected.criteria.reduce((n, c) => n + c.narratives.length, 0));
        await page.getByTestId('recommendations').getByText(expected.recommendations!.slice(0, 40)).waitFor();
      });
    },
    TEST_TIMEOUT_MS,
  );
});
