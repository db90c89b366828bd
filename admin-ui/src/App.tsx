import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import activity from './activity';
import { authProvider, isAdmin, LoginPage, type Permissions, setOnLogout } from './authProvider';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import debates, { isDebateAdmin, withProcessAdminPermission } from './debates';
import {
  CampaignResultsPage,
  campaigns,
  frameworks,
  progressPlans,
  SubjectPage,
  SubjectResultsPage,
} from './evaluations';
import { AssessmentPage } from './evaluations/assessment';
import { i18nProvider } from './i18n';
import { Layout } from './layout';
import moderation, { isModerator, withModeratorPermission } from './moderation';
import organizations from './organizations';
import people from './people';
import processes from './processes';
import proposals from './proposals';
import { QuestionnairePage } from './public';
import valuations, { isValuator, withValuatorPermission } from './proposals/valuations';
import territories from './territories';
import themes from './themes';
import verifications from './verifications';

setOnLogout(() => dataProvider.forgetMe());

const { Route } = reactRouterProvider;

// Whether someone values proposals is a process role, known from `GET /me`, not from the token.
const appAuthProvider = withProcessAdminPermission(
  withModeratorPermission(
    withValuatorPermission(authProvider, () => dataProvider.getMe()),
    () => dataProvider.getMe(),
  ),
  () => dataProvider.getMe(),
);

/**
 * Administrators see the resources; a process's admins its debates; valuators the proposals
 * assigned to them; moderators their queue; everybody the evaluations (frameworks, campaigns,
 * progress plans), where the API says what each may do; the dashboard explains the rest.
 */
export const App = () => (
  <Admin
    authProvider={appAuthProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    {/* Public, outside the layout: react-admin renders these signed in or not, without the sign-in redirect. */}
    <CustomRoutes noLayout>
      <Route path="/questionnaire/:campaignId" element={<QuestionnairePage />} />
    </CustomRoutes>
    {(permissions: Permissions) => (
      <>
        {isAdmin(permissions) ? (
          <>
            <Resource name="processes" {...processes} />
            <Resource name="proposals" {...proposals} />
            <Resource name="debates" {...debates} />
            <Resource name="organizations" {...organizations} />
            <Resource name="people" {...people} />
            <Resource name="verifications" {...verifications} />
            <Resource name="territories" {...territories} />
            <Resource name="themes" {...themes} />
            <Resource name="activity" {...activity} />
          </>
        ) : null}
        {!isAdmin(permissions) && isDebateAdmin(permissions) ? <Resource name="debates" {...debates} /> : null}
        {isValuator(permissions) ? <Resource name="valuations" {...valuations} /> : null}
        {isModerator(permissions) ? <Resource name="moderations" {...moderation} /> : null}
        {/*
          Evaluations involve more than platform admins (framework editors, coordinators, the
          committee, subjects' members, peers): everybody signed in sees them, the API decides.
        */}
        <Resource name="frameworks" {...frameworks} />
        <Resource name="campaigns" {...campaigns} />
        <Resource name="progress-plans" {...progressPlans} />
        <CustomRoutes>
          <Route path="/campaigns/:campaignId/results" element={<CampaignResultsPage />} />
          <Route path="/campaigns/:campaignId/subjects/:subjectId" element={<SubjectPage />} />
          <Route path="/campaigns/:campaignId/subjects/:subjectId/results" element={<SubjectResultsPage />} />
          <Route path="/assessments/:assessmentId" element={<AssessmentPage />} />
        </CustomRoutes>
      </>
    )}
  </Admin>
);
