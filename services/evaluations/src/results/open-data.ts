import {
  DomainError,
  OPEN_DATA_MIN_SUBJECTS,
  openDataPerspectives,
  openDataResultsCsvColumns,
  type OpenDataCampaign,
  type OpenDataResults,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import { sql, type Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { EvaluationsDatabase } from '../db/schema';
import { tallyCampaign } from './campaign-results';
import { csvOf } from './csv-copy';
import { fifths, median, rounded } from './score';

type Db = Kysely<EvaluationsDatabase>;
type Perspective = (typeof openDataPerspectives)[number];

export interface OpenDataDeps {
  db: Db;
  /** Plain pg connections, for COPY. */
  copyPool: Pool;
}

/*
 * Open data: closed campaigns' results for anyone, aggregated so that no subject is told apart.
 * A cell's median and distribution are published only when at least OPEN_DATA_MIN_SUBJECTS
 * subjects contribute to it and, among them, either none or at least as many are not named —
 * subjects that agreed to be shown are listed with their scores, so one or two others beside
 * them would be found by subtraction.
 */

/** Whether a cell's figures would tell one subject's: `named` of the `count` contributors agreed to be shown. */
export function suppressed(count: number, named: number): boolean {
  const others = count - named;
  return count < OPEN_DATA_MIN_SUBJECTS || (others > 0 && others < OPEN_DATA_MIN_SUBJECTS);
}

function closedCampaigns(db: Db) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
    .select([
      'c.id',
      'c.title',
      'c.description',
      'c.starts_on',
      'c.ends_on',
      'c.closed_at',
      'f.id as framework_id',
      'f.lineage_id',
      'f.version',
      'f.title as framework_title',
      sql<number>`(select count(*)::int from campaign_subjects s where s.campaign_id = c.id)`.as('subjects_count'),
    ])
    .where('c.status', '=', 'closed');
}

type ClosedCampaignRow = Awaited<ReturnType<ReturnType<typeof closedCampaigns>['executeTakeFirstOrThrow']>>;

function toOpenDataCampaign(row: ClosedCampaignRow): OpenDataCampaign {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    framework: { id: row.framework_id, lineageId: row.lineage_id, version: row.version, title: row.framework_title },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    closedAt: (row.closed_at ?? new Date(0)).toISOString(),
    subjectsCount: row.subjects_count,
  };
}

/** Closed campaigns, the last closed first: anyone. */
export async function openDataCampaigns(
  deps: Pick<OpenDataDeps, 'db'>,
  query: ParsedRequestOf<'evaluations.openData.campaigns'>,
): Promise<Page<OpenDataCampaign>> {
  const [rows, total] = await Promise.all([
    closedCampaigns(deps.db)
      .orderBy('c.closed_at', (ob) => ob.desc().nullsLast())
      .orderBy('c.id', 'desc')
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage)
      .execute(),
    deps.db
      .selectFrom('campaigns')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'closed')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    data: rows.map(toOpenDataCampaign),
    meta: { total: Number(total.n), page: query.page, perPage: query.perPage },
  };
}

/** A closed campaign's aggregated results: anyone; any other campaign does not exist here. */
export async function openDataResults(
  deps: Pick<OpenDataDeps, 'db'>,
  request: ParsedRequestOf<'evaluations.openData.results'>,
): Promise<OpenDataResults> {
  const row = await closedCampaigns(deps.db).where('c.id', '=', request.campaignId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'No such closed campaign.');
  const { tree, subjects } = await tallyCampaign(deps.db, { id: row.id, framework_id: row.framework_id });

  /** Each subject's figure (`pick`), with whether it agreed to be named, then the cell's figures. */
  const cell = <T>(pick: (s: (typeof subjects)[number]) => number | null, figures: (values: number[]) => T) => {
    const given = subjects.flatMap((s) => {
      const value = pick(s);
      return value === null ? [] : [{ value, named: s.subject.shown_in_results }];
    });
    const hidden = suppressed(given.length, given.filter((g) => g.named).length);
    return { count: given.length, suppressed: hidden, figures: hidden ? null : figures(given.map((g) => g.value)) };
  };

  return {
    campaign: toOpenDataCampaign(row),
    minSubjects: OPEN_DATA_MIN_SUBJECTS,
    criteria: tree.flatMap((dimension) =>
      dimension.criteria.map((criterion) => {
        const scoreCell = (perspective: Perspective) => {
          const c = cell(
            (s) => s.tally.criteria.get(criterion.id)!.scores[perspective],
            (values) => ({ median: rounded(median(values)), distribution: fifths(values) }),
          );
          return {
            count: c.count,
            median: c.figures?.median ?? null,
            distribution: c.figures?.distribution ?? null,
            suppressed: c.suppressed,
          };
        };
        return {
          dimensionId: dimension.id,
          dimensionStableId: dimension.stableId,
          dimensionTitle: dimension.title,
          criterionId: criterion.id,
          stableId: criterion.stableId,
          title: criterion.title,
          self: scoreCell('self'),
          peer: scoreCell('peer'),
          stakeholder: scoreCell('stakeholder'),
          indicators: criterion.indicators.flatMap((indicator, i) => {
            if (indicator.kind === 'narrative') return [];
            const valueCell = (perspective: Perspective) => {
              const c = cell((s) => {
                const tallied = s.tally.criteria.get(criterion.id)!.indicators[i];
                return perspective === 'self' ? tallied.self.value : tallied[perspective].median;
              }, median);
              return { count: c.count, median: c.figures ?? null, suppressed: c.suppressed };
            };
            return [
              {
                indicatorId: indicator.id,
                stableId: indicator.stableId,
                title: indicator.title,
                kind: indicator.kind,
                unit: indicator.unit,
                self: valueCell('self'),
                peer: valueCell('peer'),
                stakeholder: valueCell('stakeholder'),
              },
            ];
          }),
        };
      }),
    ),
    subjects: subjects
      .filter((s) => s.subject.shown_in_results)
      .sort((a, b) => a.subject.name.localeCompare(b.subject.name, 'fr'))
      .map(({ subject, tally }) => ({
        organizationId: subject.organization_id,
        name: subject.name,
        scores: [...tally.criteria.values()].map(({ criterion, scores }) => ({
          criterionStableId: criterion.stableId,
          self: rounded(scores.self),
          peer: rounded(scores.peer),
          stakeholder: rounded(scores.stakeholder),
        })),
      })),
  };
}

/** A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`. */
const text = (value: string | undefined | null): string | null =>
  value ? (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) : null;
const number = (value: number | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

/** The same results as CSV ({@link openDataResultsCsvColumns}), one row per criterion and perspective. */
export async function openDataResultsCsv(
  deps: OpenDataDeps,
  request: ParsedRequestOf<'evaluations.openData.resultsCsv'>,
): Promise<{ fileName: string; csv: string }> {
  const results = await openDataResults(deps, request);
  const rows = results.criteria.flatMap((criterion) =>
    openDataPerspectives.map((perspective) => {
      const c = criterion[perspective];
      const fifth = (i: number) => number(c.distribution?.[i]);
      const row: Record<(typeof openDataResultsCsvColumns)[number], string | null> = {
        campaign_id: results.campaign.id,
        dimension_stable_id: criterion.dimensionStableId,
        dimension_title_fr: text(criterion.dimensionTitle.fr),
        dimension_title_en: text(criterion.dimensionTitle.en),
        criterion_id: criterion.criterionId,
        criterion_stable_id: criterion.stableId,
        criterion_title_fr: text(criterion.title.fr),
        criterion_title_en: text(criterion.title.en),
        perspective,
        subjects_count: String(c.count),
        suppressed: String(c.suppressed),
        median_score: number(c.median),
        fifth_0_20: fifth(0),
        fifth_20_40: fifth(1),
        fifth_40_60: fifth(2),
        fifth_60_80: fifth(3),
        fifth_80_100: fifth(4),
      };
      return row;
    }),
  );
  return {
    fileName: `campaign-results-${results.campaign.id}.csv`,
    csv: await csvOf(deps.copyPool, openDataResultsCsvColumns, rows),
  };
}
