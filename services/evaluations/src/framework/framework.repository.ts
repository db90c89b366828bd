import type {
  Criterion,
  Dimension,
  Framework,
  FrameworkSummary,
  Indicator,
  IndicatorShape,
} from '@convergences/contracts';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { EvaluationsDatabase } from '../db/schema';
import type { FrameworkFacts } from './framework.policy';
import type { CriteriaTable, DimensionsTable, FrameworksTable, IndicatorsTable } from './framework.tables';

type Db = Kysely<EvaluationsDatabase>;

/** A framework version with the counts of its tree. */
export type FrameworkRow = Selectable<FrameworksTable> & {
  dimensions_count: number;
  criteria_count: number;
  indicators_count: number;
};

/** Framework versions with the sizes of their trees, as lists show them. */
export function frameworksWithCounts(db: Db) {
  return db
    .selectFrom('frameworks')
    .selectAll('frameworks')
    .select([
      sql<number>`(select count(*)::int from dimensions d where d.framework_id = frameworks.id)`.as('dimensions_count'),
      sql<number>`(select count(*)::int from criteria c where c.framework_id = frameworks.id)`.as('criteria_count'),
      sql<number>`(select count(*)::int from indicators i where i.framework_id = frameworks.id)`.as('indicators_count'),
    ]);
}

export async function findFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  return frameworksWithCounts(db).where('frameworks.id', '=', id).executeTakeFirst();
}

/** Locks a version for a change: every write to it or its tree takes this lock first, and adoption too. */
export async function lockFramework(db: Db, id: string): Promise<Selectable<FrameworksTable> | undefined> {
  return db.selectFrom('frameworks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Locks a lineage, so that two new versions of it never take the same number. */
export async function lockLineage(db: Db, lineageId: string): Promise<void> {
  await db.selectFrom('framework_lineages').select('id').where('id', '=', lineageId).forUpdate().execute();
}

export async function insertLineage(db: Db, id: string, createdBy: string): Promise<void> {
  await db.insertInto('framework_lineages').values({ id, created_by: createdBy }).execute();
}

export async function insertFramework(db: Db, framework: Insertable<FrameworksTable>): Promise<void> {
  await db.insertInto('frameworks').values(framework).execute();
}

export async function updateFramework(db: Db, id: string, change: Updateable<FrameworksTable>): Promise<void> {
  await db
    .updateTable('frameworks')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The draft of a lineage, if it has one (at most one: a unique index holds it). */
export async function draftOf(db: Db, lineageId: string) {
  return db
    .selectFrom('frameworks')
    .select(['id', 'version'])
    .where('lineage_id', '=', lineageId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export async function lastVersionOf(db: Db, lineageId: string): Promise<number> {
  const row = await db
    .selectFrom('frameworks')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('lineage_id', '=', lineageId)
    .executeTakeFirstOrThrow();
  return row.version ?? 0;
}

export function factsOf(row: Selectable<FrameworksTable>): FrameworkFacts {
  return { id: row.id, status: row.status, version: row.version, processId: row.process_id };
}

export function toIndicator(row: Selectable<IndicatorsTable>): Indicator {
  return {
    id: row.id,
    stableId: row.stable_id,
    criterionId: row.criterion_id,
    position: row.position,
    title: row.title,
    description: row.description,
    kind: row.kind,
    unit: row.unit,
    higherIsBetter: row.higher_is_better,
    target: row.target,
    levels: row.levels,
  };
}

/** An indicator's shape as written, to apply a change to. */
export function shapeOf(row: Selectable<IndicatorsTable>): IndicatorShape {
  const common = { title: row.title as IndicatorShape['title'], description: row.description };
  switch (row.kind) {
    case 'quantitative':
      return {
        ...common,
        kind: 'quantitative',
        unit: row.unit as IndicatorShape['title'] | null,
        higherIsBetter: row.higher_is_better ?? true,
        target: row.target,
      };
    case 'level_scale':
      return { ...common, kind: 'level_scale', levels: row.levels };
    case 'yes_no':
      return { ...common, kind: 'yes_no' };
    case 'narrative':
      return { ...common, kind: 'narrative' };
  }
}

export function toCriterion(row: Selectable<CriteriaTable>, indicators: Indicator[]): Criterion {
  return {
    id: row.id,
    stableId: row.stable_id,
    dimensionId: row.dimension_id,
    position: row.position,
    title: row.title,
    description: row.description,
    narrativeRequired: row.narrative_required,
    evidenceAllowed: row.evidence_allowed,
    origin: row.proposal_id ? { proposalId: row.proposal_id, reference: row.proposal_reference } : null,
    indicators,
  };
}

export function toDimension(row: Selectable<DimensionsTable>, criteria: Criterion[]): Dimension {
  return {
    id: row.id,
    stableId: row.stable_id,
    position: row.position,
    title: row.title,
    description: row.description,
    criteria,
  };
}

/** A version's tree, each level in its order. */
export async function treeOf(db: Db, frameworkId: string): Promise<Dimension[]> {
  const [dimensions, criteria, indicators] = await Promise.all([
    db.selectFrom('dimensions').selectAll().where('framework_id', '=', frameworkId).orderBy('position').execute(),
    db.selectFrom('criteria').selectAll().where('framework_id', '=', frameworkId).orderBy('position').execute(),
    db.selectFrom('indicators').selectAll().where('framework_id', '=', frameworkId).orderBy('position').execute(),
  ]);
  const indicatorsOf = groupBy(indicators.map(toIndicator), (i) => i.criterionId);
  const criteriaOf = groupBy(
    criteria.map((c) => toCriterion(c, indicatorsOf.get(c.id) ?? [])),
    (c) => c.dimensionId,
  );
  return dimensions.map((d) => toDimension(d, criteriaOf.get(d.id) ?? []));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Copies a version's tree into a new draft: new ids, the same order, the same stable ids (the
 * same dimension, criterion, indicator from one version to the next) and the same proposal links.
 */
export async function copyTree(db: Db, tree: Dimension[], toFrameworkId: string): Promise<void> {
  const text = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const dimensions: Insertable<DimensionsTable>[] = [];
  const criteria: Insertable<CriteriaTable>[] = [];
  const indicators: Insertable<IndicatorsTable>[] = [];
  for (const dimension of tree) {
    const dimensionId = uuidv7();
    dimensions.push({
      id: dimensionId,
      framework_id: toFrameworkId,
      stable_id: dimension.stableId,
      position: dimension.position,
      title: JSON.stringify(dimension.title),
      description: text(dimension.description),
    });
    for (const criterion of dimension.criteria) {
      const criterionId = uuidv7();
      criteria.push({
        id: criterionId,
        framework_id: toFrameworkId,
        dimension_id: dimensionId,
        stable_id: criterion.stableId,
        position: criterion.position,
        title: JSON.stringify(criterion.title),
        description: text(criterion.description),
        narrative_required: criterion.narrativeRequired,
        evidence_allowed: criterion.evidenceAllowed,
        proposal_id: criterion.origin?.proposalId ?? null,
        proposal_reference: criterion.origin?.reference ?? null,
      });
      for (const indicator of criterion.indicators) {
        indicators.push({
          id: uuidv7(),
          framework_id: toFrameworkId,
          criterion_id: criterionId,
          stable_id: indicator.stableId,
          position: indicator.position,
          title: JSON.stringify(indicator.title),
          description: text(indicator.description),
          kind: indicator.kind,
          unit: text(indicator.unit),
          higher_is_better: indicator.higherIsBetter,
          target: indicator.target,
          levels: JSON.stringify(indicator.levels),
        });
      }
    }
  }
  if (dimensions.length) await db.insertInto('dimensions').values(dimensions).execute();
  if (criteria.length) await db.insertInto('criteria').values(criteria).execute();
  if (indicators.length) await db.insertInto('indicators').values(indicators).execute();
}

export function toSummary(row: FrameworkRow): FrameworkSummary {
  return {
    id: row.id,
    lineageId: row.lineage_id,
    version: row.version,
    status: row.status,
    title: row.title,
    description: row.description,
    processId: row.process_id,
    basedOnId: row.based_on_id,
    dimensionsCount: row.dimensions_count,
    criteriaCount: row.criteria_count,
    indicatorsCount: row.indicators_count,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    adoptedAt: row.adopted_at?.toISOString() ?? null,
    adoptedBy: row.adopted_by,
  };
}

/** A version with its tree, as it is now (inside the caller's transaction, if any). */
export async function frameworkNow(db: Db, id: string): Promise<Framework> {
  const [row, dimensions] = await Promise.all([findFramework(db, id), treeOf(db, id)]);
  return { ...toSummary(row!), dimensions };
}
