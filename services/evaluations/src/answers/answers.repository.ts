import type { Answer, AnswerInput, Framework } from '@convergences/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { frameworkNow } from '../framework/framework.repository';
import { storedNarrative, storedValue } from './check-answers';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;

/** The framework version an assessment answers, with its tree (what `checkAnswers` checks against). */
export function answeredFramework(db: Db, frameworkId: string): Promise<Framework> {
  return frameworkNow(db, frameworkId);
}

/**
 * Writes checked answers into a draft, in the caller's transaction. Per criterion given: the
 * narrative and evidence when given, each value given (`null` deletes it); a criterion not
 * mentioned, and a value not listed, stay as they are. An answer left with nothing is dropped.
 */
export async function saveAnswers(trx: Transaction<EvaluationsDatabase>, assessmentId: string, answers: AnswerInput[]) {
  for (const answer of answers) {
    const narrative = answer.narrative === undefined ? undefined : storedNarrative(answer.narrative);
    const evidence = answer.evidence === undefined ? undefined : JSON.stringify(answer.evidence);
    if (narrative !== undefined || evidence !== undefined) {
      await trx
        .insertInto('criterion_answers')
        .values({
          assessment_id: assessmentId,
          criterion_id: answer.criterionId,
          narrative: narrative ?? null,
          evidence: evidence ?? '[]',
        })
        .onConflict((oc) =>
          oc.columns(['assessment_id', 'criterion_id']).doUpdateSet({
            ...(narrative !== undefined ? { narrative } : {}),
            ...(evidence !== undefined ? { evidence } : {}),
            updated_at: sql<Date>`now()`,
          }),
        )
        .execute();
      await trx
        .deleteFrom('criterion_answers')
        .where('assessment_id', '=', assessmentId)
        .where('criterion_id', '=', answer.criterionId)
        .where('narrative', 'is', null)
        .where(sql<boolean>`evidence = '[]'::jsonb`)
        .execute();
    }
    const values = answer.values ?? [];
    const cleared = values.filter((v) => v.value === null).map((v) => v.indicatorId);
    const set = values.flatMap((v) =>
      v.value === null
        ? []
        : [
            {
              assessment_id: assessmentId,
              indicator_id: v.indicatorId,
              criterion_id: answer.criterionId,
              value: storedValue(v.value),
            },
          ],
    );
    if (cleared.length > 0) {
      await trx
        .deleteFrom('indicator_answers')
        .where('assessment_id', '=', assessmentId)
        .where('indicator_id', 'in', cleared)
        .execute();
    }
    if (set.length > 0) {
      await trx
        .insertInto('indicator_answers')
        .values(set)
        .onConflict((oc) =>
          oc.columns(['assessment_id', 'indicator_id']).doUpdateSet({ value: (eb) => eb.ref('excluded.value') }),
        )
        .execute();
    }
  }
}

/**
 * The answers of each assessment, in the framework's order of criteria and indicators; an
 * assessment without any answers `[]`.
 */
export async function answersOf(db: Db, assessmentIds: string[]): Promise<Map<string, Answer[]>> {
  const result = new Map<string, Answer[]>(assessmentIds.map((id) => [id, []]));
  if (assessmentIds.length === 0) return result;
  const [criterionRows, indicatorRows] = await Promise.all([
    db
      .selectFrom('criterion_answers as a')
      .innerJoin('criteria as c', 'c.id', 'a.criterion_id')
      .innerJoin('dimensions as d', 'd.id', 'c.dimension_id')
      .select([
        'a.assessment_id',
        'a.criterion_id',
        'a.narrative',
        'a.evidence',
        'd.position as dp',
        'c.position as cp',
      ])
      .where('a.assessment_id', 'in', assessmentIds)
      .execute(),
    db
      .selectFrom('indicator_answers as a')
      .innerJoin('indicators as i', 'i.id', 'a.indicator_id')
      .innerJoin('criteria as c', 'c.id', 'a.criterion_id')
      .innerJoin('dimensions as d', 'd.id', 'c.dimension_id')
      .select([
        'a.assessment_id',
        'a.criterion_id',
        'a.indicator_id',
        'a.value',
        'd.position as dp',
        'c.position as cp',
      ])
      .where('a.assessment_id', 'in', assessmentIds)
      .orderBy('i.position')
      .execute(),
  ]);
  type Entry = Answer & { order: [number, number] };
  const entries = new Map<string, Map<string, Entry>>();
  const entryOf = (assessmentId: string, criterionId: string, order: [number, number]): Entry => {
    let ofAssessment = entries.get(assessmentId);
    if (!ofAssessment) entries.set(assessmentId, (ofAssessment = new Map()));
    let entry = ofAssessment.get(criterionId);
    if (!entry) {
      entry = { criterionId, narrative: null, evidence: [], values: [], order };
      ofAssessment.set(criterionId, entry);
    }
    return entry;
  };
  for (const row of criterionRows) {
    const entry = entryOf(row.assessment_id, row.criterion_id, [row.dp, row.cp]);
    entry.narrative = row.narrative;
    entry.evidence = row.evidence.map((item) => ({ label: item.label, url: item.url }));
  }
  for (const row of indicatorRows) {
    entryOf(row.assessment_id, row.criterion_id, [row.dp, row.cp]).values.push({
      indicatorId: row.indicator_id,
      value: row.value,
    });
  }
  for (const [assessmentId, ofAssessment] of entries) {
    const ordered = [...ofAssessment.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    result.set(
      assessmentId,
      ordered.map(({ order: _order, ...answer }) => answer),
    );
  }
  return result;
}

/** How many criteria each assessment answers (a narrative, evidence or a value), as lists show it. */
export async function answeredCriteriaOf(db: Db, assessmentIds: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>(assessmentIds.map((id) => [id, 0]));
  if (assessmentIds.length === 0) return result;
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('criterion_answers')
        .select(['assessment_id', 'criterion_id'])
        .where('assessment_id', 'in', assessmentIds)
        .union(
          eb
            .selectFrom('indicator_answers')
            .select(['assessment_id', 'criterion_id'])
            .where('assessment_id', 'in', assessmentIds),
        )
        .as('answered'),
    )
    .select(['answered.assessment_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('answered.assessment_id')
    .execute();
  for (const row of rows) result.set(row.assessment_id, Number(row.count));
  return result;
}
