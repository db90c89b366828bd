import { openDataColumns } from '@convergences/contracts';
import { escapeLiteral, type Pool } from 'pg';
import { CsvCopy, type CopiedCsv } from '@convergences/database';

type OpenDataColumn = (typeof openDataColumns)[number];

/** The answer is the authority's word once published; a held one is never exported. */
const answered = 'p.answer_state is not null and p.answer_published_at is not null';

/**
 * A text cell. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return) gets a leading `'`; an empty text is written as nothing, as null is (COPY
 * would write `""`). Quoting is COPY's: cells holding `;`, `"`, CR or LF are quoted, `"` doubled.
 */
const text = (value: string) =>
  `case when ascii(${value}) in (61, 43, 45, 64, 9, 13) then '''' || ${value} else nullif(${value}, '') end`;
const inLocale = (locale: 'fr' | 'en', value: string) => `case when p.locale = '${locale}' then ${text(value)} end`;
const whenAnswered = (value: string) => `case when ${answered} then ${value} end`;
/**
 * ISO 8601 in UTC, as the JSON export writes times (what `to_json` writes on a UTC server, for
 * half its cost: the largest of the cells).
 */
const isoTime = (column: string) => `replace((${column} at time zone 'UTC')::text, ' ', 'T') || '+00:00'`;
/**
 * A number as JavaScript prints it (the JSON export's `-1.5`, `0.00001`, `1e-7`), never
 * neutralised: Postgres alone would write `1e-05` and `1e-07`.
 */
const jsNumber = (column: string) =>
  `case when ${column} = 0 then '0' when abs(${column}) >= 1e-4 then ${column}::text
    when abs(${column}) >= 1e-6 then ${column}::text::numeric::text else replace(${column}::text, 'e-0', 'e-') end`;

/** Each column's cell, as an SQL expression over the proposal `p`: the open-data CSV is written here and nowhere else. */
function cellsOf(supportsHidden: boolean): Record<OpenDataColumn, string> {
  return {
    id: 'p.id',
    reference: text('p.reference'),
    'title/fr': inLocale('fr', 'p.title'),
    'title/en': inLocale('en', 'p.title'),
    'body/fr': inLocale('fr', 'p.body'),
    'body/en': inLocale('en', 'p.body'),
    locale: 'p.locale',
    // Decidim's `state`: the published answer's (built-in or the process's own), else the proposal's.
    state: text(`(case when ${answered} then p.answer_state else p.state end)`),
    official: 'p.official::text',
    'category/id': 'p.theme_id',
    'scope/id': 'p.territory_id',
    'participatory_space/id': 'p.process_id',
    address: text('p.address'),
    latitude: jsNumber('p.latitude'),
    longitude: jsNumber('p.longitude'),
    'answer/fr': whenAnswered(text(`(p.answer_body ->> 'fr')`)),
    'answer/en': whenAnswered(text(`(p.answer_body ->> 'en')`)),
    answered_at: whenAnswered(isoTime('p.answered_at')),
    // Euros as an exact decimal from the integer cents (Decidim's `cost` is in currency units).
    cost: whenAnswered(`(p.answer_cost_cents / 100)::text || '.' || lpad((p.answer_cost_cents % 100)::text, 2, '0')`),
    'cost_report/fr': whenAnswered(text(`(p.answer_cost_report ->> 'fr')`)),
    'cost_report/en': whenAnswered(text(`(p.answer_cost_report ->> 'en')`)),
    execution_period: whenAnswered(text('p.answer_execution_period')),
    votes: supportsHidden ? 'null' : 'p.supports_count',
    'endorsements/total_count': 'p.endorsements_count',
    comments: 'p.comments_count',
    published_at: isoTime('p.published_at'),
    withdrawn: `(p.state = 'withdrawn')::text`,
    withdrawn_at: isoTime('p.withdrawn_at'),
    created_at: isoTime('p.created_at'),
    updated_at: isoTime('p.updated_at'),
  };
}

export interface OpenDataCsvQuery {
  processId: string;
  after?: string;
  /** Lines at most. */
  limit: number;
  /** And never past this many bytes (the first line excepted). */
  maxBytes: number;
  supportsHidden: boolean;
}

/** The next open-data CSV lines of a process, and whether any proposal follows them. */
export interface OpenDataCsvLines {
  bytes: Buffer;
  lines: number;
  lastId: string | null;
  more: boolean;
}

/**
 * A process's published and withdrawn proposals (never drafts, never hidden ones) as CSV lines,
 * by id after `after`, written by Postgres's COPY: its CSV is C at the speed of the raw table,
 * where rows through the driver cost several times more. One row more than the limit is asked,
 * to tell whether any follows. COPY takes no parameters, so values are quoted literals (ids
 * checked as UUIDs by the contract, numbers ours).
 */
export async function openDataCsvLines(pool: Pool, query: OpenDataCsvQuery): Promise<OpenDataCsvLines> {
  for (const bound of [query.limit, query.maxBytes]) {
    if (!Number.isSafeInteger(bound) || bound < 1) throw new Error(`Not a positive integer: ${bound}`);
  }
  const cells = cellsOf(query.supportsHidden);
  const after = query.after ? `and p.id > ${escapeLiteral(query.after)}::uuid` : '';
  const statement = `copy (
    select ${openDataColumns.map((column) => cells[column]).join(',\n      ')}
    from proposals p
    where p.process_id = ${escapeLiteral(query.processId)}::uuid and p.state in ('published', 'withdrawn')
      and p.hidden_at is null ${after}
    order by p.id
    limit ${query.limit + 1}
  ) to stdout with (format csv, delimiter ';')`;
  const copied = await copyOn(pool, new CsvCopy(statement, { maxLines: query.limit, maxBytes: query.maxBytes }));
  return { bytes: copied.bytes, lines: copied.lines, lastId: copied.lastFirstCell, more: copied.more };
}

async function copyOn(pool: Pool, copy: CsvCopy): Promise<CopiedCsv> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    return await client.query(copy).done;
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-COPY is not trusted again: the pool drops it.
    client.release(failure);
  }
}
