import FrameworkIcon from '@mui/icons-material/AccountTree';
import CampaignIcon from '@mui/icons-material/FactCheck';
import ProgressIcon from '@mui/icons-material/TrendingUp';
import type { Campaign, FrameworkSummary, ProgressAction } from '@convergences/contracts';
import { type ComponentType, lazy } from 'react';
import { pickTranslation } from '../common';
import { CampaignList } from './CampaignList';
import { FrameworkList } from './FrameworkList';
import { ProgressPlanList } from './ProgressPlanList';

/** A page exported by name, loaded when first shown. */
const lazyPage = <Module>(load: () => Promise<Module>, name: keyof Module) =>
  lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));

// Pages beyond the lists (the tree editor with its drag and drop, the results with their charts,
// the forms) load when first shown, in their own chunks.
const FrameworkShow = lazyPage(() => import('./FrameworkShow'), 'FrameworkShow');
const FrameworkCreate = lazyPage(() => import('./FrameworkCreate'), 'FrameworkCreate');
const CampaignShow = lazyPage(() => import('./CampaignShow'), 'CampaignShow');
const CampaignCreate = lazyPage(() => import('./CampaignCreate'), 'CampaignCreate');
const CampaignEdit = lazyPage(() => import('./CampaignEdit'), 'CampaignEdit');
const ProgressPlanCreate = lazyPage(() => import('./ProgressPlanForm'), 'ProgressPlanCreate');
const ProgressPlanEdit = lazyPage(() => import('./ProgressPlanForm'), 'ProgressPlanEdit');
export const CampaignResultsPage = lazyPage(() => import('./CampaignResultsPage'), 'CampaignResultsPage');
export const SubjectResultsPage = lazyPage(() => import('./SubjectResultsPage'), 'SubjectResultsPage');
export const SubjectPage = lazyPage(() => import('./SubjectPage'), 'SubjectPage');

// Frameworks (référentiels, grilles): platform admins create them, editors build their drafts'
// trees here and adopt them; campaigns use adopted versions only.
export const frameworks = {
  list: FrameworkList,
  show: FrameworkShow,
  create: FrameworkCreate,
  icon: FrameworkIcon,
  recordRepresentation: (record: FrameworkSummary) => `${pickTranslation(record.title, 'fr')} (v${record.version})`,
};

// Campaigns: coordinators set them up (subjects, peers, committee) and move them through their states.
export const campaigns = {
  list: CampaignList,
  show: CampaignShow,
  create: CampaignCreate,
  edit: CampaignEdit,
  icon: CampaignIcon,
  recordRepresentation: (record: Campaign) => pickTranslation(record.title, 'fr'),
};

// Progress plans (démarche de progrès): improvement actions per criterion, followed into the next campaign.
export const progressPlans = {
  list: ProgressPlanList,
  create: ProgressPlanCreate,
  edit: ProgressPlanEdit,
  icon: ProgressIcon,
  recordRepresentation: (record: ProgressAction) => record.title,
};
