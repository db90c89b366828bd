import type { FrameworkStatus, IndicatorKind, ScaleLevel, TranslatedText } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A framework as a line of versions: what its editors are named for. */
export interface FrameworkLineagesTable {
  id: string;
  created_by: string;
  created_at: Generated<Date>;
}

/** A person who edits the drafts of a lineage and adopts them. */
export interface FrameworkEditorsTable {
  lineage_id: string;
  person_id: string;
  added_by: string;
  added_at: Generated<Date>;
}

/** One version of a framework: a draft, or adopted (then frozen). */
export interface FrameworksTable {
  id: string;
  lineage_id: string;
  version: number;
  status: FrameworkStatus;
  title: Json<TranslatedText>;
  description: NullableJson<TranslatedText>;
  process_id: Nullable<string>;
  based_on_id: Nullable<string>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  adopted_at: Nullable<Date>;
  adopted_by: Nullable<string>;
}

export interface DimensionsTable {
  id: string;
  framework_id: string;
  /** The same dimension in every version of the lineage. */
  stable_id: string;
  position: number;
  title: Json<TranslatedText>;
  description: NullableJson<TranslatedText>;
}

export interface CriteriaTable {
  id: string;
  framework_id: string;
  dimension_id: string;
  stable_id: string;
  position: number;
  title: Json<TranslatedText>;
  description: NullableJson<TranslatedText>;
  narrative_required: Generated<boolean>;
  evidence_allowed: Generated<boolean>;
  /** The participant's proposal it was adopted from, and that proposal's reference then. */
  proposal_id: Nullable<string>;
  proposal_reference: Nullable<string>;
}

export interface IndicatorsTable {
  id: string;
  framework_id: string;
  criterion_id: string;
  stable_id: string;
  position: number;
  title: Json<TranslatedText>;
  description: NullableJson<TranslatedText>;
  kind: IndicatorKind;
  unit: NullableJson<TranslatedText>;
  higher_is_better: Nullable<boolean>;
  target: Nullable<number>;
  levels: ColumnType<ScaleLevel[], string | undefined, string>;
}

export interface FrameworkTables {
  framework_lineages: FrameworkLineagesTable;
  framework_editors: FrameworkEditorsTable;
  frameworks: FrameworksTable;
  dimensions: DimensionsTable;
  criteria: CriteriaTable;
  indicators: IndicatorsTable;
}
