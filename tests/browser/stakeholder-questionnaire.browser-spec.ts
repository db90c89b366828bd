/**
 * A stakeholder gives their view in the back office's public questionnaire, without an account:
 * the demo's open 2026 campaign (its coordinators chose criteria for stakeholders), one of its
 * organisations, its level scales and yes/no questions, how the respondent knows it, a comment.
 * The page sends no token and never leaves for the identity provider; the subject's results then
 * count one more stakeholder response.
 *
 * The platform is started by the jest globalSetup (see back-office.browser-spec.ts). The limits
 * against stuffing (3 responses per source per subject a day) count the browser's address, and a
 * run starts a fresh platform: this spec sends one response only.
 */
import type { Campaign, Page as ApiPage, Subject, SubjectResults } from '@convergences/contracts';
import { api } from '../support/api';
import {
  BROWSER_TEST_TIMEOUT_MS as TEST_TIMEOUT_MS,
  openBrowser,
  requiredUrl,
  sentBodies,
  type BrowserSession,
} from '../support/browser';

const CAMPAIGN = 'Campagne d’évaluation 2026';

describe('the stakeholders’ questionnaire in the back office', () => {
  let session: BrowserSession | undefined;
  let campaign: Campaign;
  let subject: Subject;
  const stakeholderCount = async () =>
    (
      await api<SubjectResults>('GET', `/api/v1/campaigns/${campaign.id}/subjects/${subject.id}/results`, {
        as: 'admin',
      })
    ).body.counts.stakeholder;

  beforeAll(async () => {
    const campaigns = await api<ApiPage<Campaign>>('GET', '/api/v1/campaigns?perPage=100', { as: 'admin' });
    campaign = campaigns.body.data.find((c) => c.title.fr === CAMPAIGN)!;
    const subjects = await api<ApiPage<Subject>>('GET', `/api/v1/campaigns/${campaign.id}/subjects?perPage=100`, {
      as: 'admin',
    });
    subject = subjects.body.data[0];
    session = await openBrowser('stakeholder-questionnaire');
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test(
    'someone without an account picks an organisation, answers and is thanked; the response is counted',
    async () => {
      expect(campaign.status).toBe('open');
      expect(campaign.stakeholderCriteria.length).toBeGreaterThan(0);
      const before = await stakeholderCount();
      const page = session!.page;
      const gatewayUrl = requiredUrl('GATEWAY_URL');
      const idpUrl = requiredUrl('IDP_URL');
      // Every request to the API goes without a token; nothing goes to the identity provider.
      const withToken: string[] = [];
      const toIdp: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith(gatewayUrl) && request.headers()['authorization']) withToken.push(request.url());
        if (request.url().startsWith(idpUrl) && request.isNavigationRequest()) toIdp.push(request.url());
      });
      const sent = sentBodies(page, 'POST', `/campaigns/${campaign.id}/stakeholder-questionnaire/responses`);

      await session!.step('subjects', async () => {
        await page.goto(`${requiredUrl('ADMIN_UI_URL')}/#/questionnaire/${campaign.id}`);
        await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
        await page.getByTestId('questionnaire-subject').filter({ hasText: subject.name }).click();
        await page.waitForURL(/#\/questionnaire\/[^?]+\?subjectId=/);
      });
      await session!.step('answers', async () => {
        const questions = page.getByTestId('questionnaire-question');
        await questions.first().waitFor();
        const count = await questions.count();
        expect(count).toBeGreaterThan(0);
        // The first choice of each: a scale's lowest level (its label and descriptor shown), or “Oui”.
        for (let i = 0; i < count; i++) await questions.nth(i).getByRole('radio').first().check();
        await page.getByRole('radio', { name: 'habitant·e' }).check();
        await page.getByLabel('Un commentaire (facultatif)').fill('Une équipe à l’écoute du quartier.');
        await page.getByRole('button', { name: 'Envoyer' }).click();
        await page.getByTestId('questionnaire-thanks').getByText('Merci !').waitFor();
      });

      // Nothing about the respondent was asked or sent.
      expect(sent).toHaveLength(1);
      expect(Object.keys(sent[0] as object).sort()).toEqual(['answers', 'comment', 'relation', 'subjectId']);
      expect(sent[0]).toMatchObject({ subjectId: subject.id, relation: 'inhabitant' });
      expect(withToken).toEqual([]);
      expect(toIdp).toEqual([]);
      expect(page.url()).toContain('#/questionnaire/');
      expect(await stakeholderCount()).toBe(before + 1);
    },
    TEST_TIMEOUT_MS,
  );
});
