import type { TranslatedText } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A `date` column: read as `YYYY-MM-DD` (the pool's parser), written as the same text. */
type DateOnly = ColumnType<string, string, string>;

export type CampaignStatus = 'draft' | 'open' | 'review' | 'closed';
export type CampaignRole = 'coordinator' | 'committee';
export type AssessmentKind = 'self' | 'peer' | 'committee' | 'valuation';
export type AssessmentStatus = 'draft' | 'submitted';
export type StakeholderRelation = 'inhabitant' | 'user' | 'partner' | 'other';
export type ProgressActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';

/** An organisation as members last told of it. */
export interface OrganizationsTable {
  id: string;
  name: string;
  slug: string;
  updated_at: Generated<Date>;
}

/** An active membership, as members last told of it. */
export interface OrganizationMembersTable {
  organization_id: string;
  person_id: string;
  role: 'admin' | 'member';
}

export interface CampaignsTable {
  id: string;
  framework_id: string;
  lineage_id: string;
  title: Json<TranslatedText>;
  description: NullableJson<TranslatedText>;
  status: Generated<CampaignStatus>;
  starts_on: DateOnly;
  ends_on: DateOnly;
  previous_campaign_id: Nullable<string>;
  stakeholder_criteria: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  opened_at: Nullable<Date>;
  review_at: Nullable<Date>;
  closed_at: Nullable<Date>;
}

export interface CampaignPeopleTable {
  campaign_id: string;
  person_id: string;
  role: CampaignRole;
  added_by: string;
  added_at: Generated<Date>;
}

export interface CampaignSubjectsTable {
  id: string;
  campaign_id: string;
  organization_id: string;
  name: string;
  shown_in_results: Generated<boolean>;
  added_by: string;
  added_at: Generated<Date>;
}

export interface PeerAssignmentsTable {
  subject_id: string;
  person_id: string;
  assigned_by: string;
  assigned_at: Generated<Date>;
}

export interface AssessmentsTable {
  id: string;
  kind: AssessmentKind;
  framework_id: string;
  campaign_id: Nullable<string>;
  subject_id: Nullable<string>;
  proposal_id: Nullable<string>;
  process_id: Nullable<string>;
  author_id: Nullable<string>;
  status: Generated<AssessmentStatus>;
  recommendations: Nullable<string>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Nullable<Date>;
  submitted_by: Nullable<string>;
}

/** One piece of evidence: a link or a document's URL, with what it shows. */
export interface EvidenceItem {
  label: string;
  url: string;
}

export interface CriterionAnswersTable {
  assessment_id: string;
  criterion_id: string;
  narrative: Nullable<string>;
  evidence: ColumnType<EvidenceItem[], string | undefined, string>;
  updated_at: Generated<Date>;
}

/** One indicator's answer: a quantity, a level's value, or 1 / 0 for yes / no. */
export interface IndicatorAnswersTable {
  assessment_id: string;
  indicator_id: string;
  criterion_id: string;
  value: number;
}

export interface StakeholderResponsesTable {
  id: string;
  campaign_id: string;
  subject_id: string;
  relation: StakeholderRelation;
  comment: Nullable<string>;
  source_key: Nullable<string>;
  submitted_at: Generated<Date>;
}

export interface StakeholderAnswersTable {
  response_id: string;
  indicator_id: string;
  criterion_id: string;
  value: number;
}

export interface ProgressActionsTable {
  id: string;
  organization_id: string;
  lineage_id: string;
  campaign_id: string;
  criterion_stable_id: string;
  title: string;
  description: Nullable<string>;
  owner: string;
  due_on: DateOnly;
  status: Generated<ProgressActionStatus>;
  status_note: Nullable<string>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProcessValuationFrameworksTable {
  process_id: string;
  framework_id: string;
  chosen_by: string;
  chosen_at: Generated<Date>;
}

export interface CampaignTables {
  organizations: OrganizationsTable;
  organization_members: OrganizationMembersTable;
  campaigns: CampaignsTable;
  campaign_people: CampaignPeopleTable;
  campaign_subjects: CampaignSubjectsTable;
  peer_assignments: PeerAssignmentsTable;
  assessments: AssessmentsTable;
  criterion_answers: CriterionAnswersTable;
  indicator_answers: IndicatorAnswersTable;
  stakeholder_responses: StakeholderResponsesTable;
  stakeholder_answers: StakeholderAnswersTable;
  progress_actions: ProgressActionsTable;
  process_valuation_frameworks: ProcessValuationFrameworksTable;
}
