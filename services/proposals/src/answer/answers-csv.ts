import { DomainError, type AnswerImportRejection, type TranslatedText } from '@convergences/contracts';
import { parse } from 'csv-parse/sync';

/** Columns read (Decidim's names); any other column, e.g. of an export, is left alone. */
export const ANSWER_COLUMNS = [
  'id',
  'state',
  'answer/fr',
  'answer/en',
  'cost',
  'cost_report/fr',
  'cost_report/en',
  'execution_period',
] as const;
const REQUIRED_COLUMNS = ['id', 'state'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row of the file read into an answer, before the database says whether it applies. */
export interface AnswerRow {
  line: number;
  proposalId: string;
  state: string;
  body?: TranslatedText;
  costCents?: number;
  costReport?: TranslatedText;
  executionPeriod?: string;
}

/**
 * Reads the CSV text of an answers import: a header line naming at least `id` and `state`, then
 * `;`-separated records. Text that is not CSV, or lacks those columns, is a `bad_request`.
 */
export function parseAnswersCsv(csv: string): { header: string[]; records: { line: number; fields: string[] }[] } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(csv, {
      bom: true,
      delimiter: ';',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new DomainError('bad_request', `The answers file is not valid CSV: ${(error as Error).message}`);
  }
  const header = rows[0]?.record.map((name) => name.trim().toLowerCase()) ?? [];
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new DomainError(
      'bad_request',
      `The answers file needs a header line with the columns id and state (missing: ${missing.join(', ')}), ` +
        'separated by ";", and optionally answer/fr, answer/en, cost, cost_report/fr, cost_report/en, execution_period.',
    );
  }
  return { header, records: rows.slice(1).map(({ record, info }) => ({ line: info.lines, fields: record })) };
}

/** A cost in euros as written in a spreadsheet (`1500`, `1500.50`, `1 500,50`), in integer cents; `null` if it is none. */
export function costInCents(written: string): number | null {
  const compact = written.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const match = /^(\d{1,11})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Splits the records into answers to check against the database and rows refused already, each with its line. */
export function readAnswerRows(
  header: string[],
  records: { line: number; fields: string[] }[],
): { rows: AnswerRow[]; rejected: AnswerImportRejection[] } {
  const at = Object.fromEntries(ANSWER_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof ANSWER_COLUMNS)[number],
    number
  >;
  const rows: AnswerRow[] = [];
  const rejected: AnswerImportRejection[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    const cell = (name: (typeof ANSWER_COLUMNS)[number]) => (at[name] >= 0 ? (fields[at[name]] ?? '').trim() : '');
    const id = cell('id');
    const reject = (reason: AnswerImportRejection['reason'], message: string) =>
      rejected.push({ line, id: id || null, reason, message });
    if (fields.length !== header.length) {
      reject('column_count', `${fields.length} column(s) where the header has ${header.length}`);
      continue;
    }
    if (!UUID.test(id)) {
      reject('unknown_id', id ? `"${id}" is no proposal id` : 'the id is empty');
      continue;
    }
    const proposalId = id.toLowerCase();
    const firstLine = seen.get(proposalId);
    if (firstLine !== undefined) {
      reject('duplicate', `the same proposal as line ${firstLine}`);
      continue;
    }
    seen.set(proposalId, line);
    const writtenCost = cell('cost');
    const costCents = writtenCost ? costInCents(writtenCost) : undefined;
    if (costCents === null) {
      reject('bad_cost', `"${writtenCost}" is no cost: a positive amount in euros, e.g. 1500 or 1500,50`);
      continue;
    }
    const translated = (fr: string, en: string): TranslatedText | undefined =>
      fr ? { fr, ...(en ? { en } : {}) } : undefined;
    rows.push({
      line,
      proposalId,
      state: cell('state'),
      body: translated(cell('answer/fr'), cell('answer/en')),
      costCents,
      costReport: translated(cell('cost_report/fr'), cell('cost_report/en')),
      executionPeriod: cell('execution_period') || undefined,
    });
  }
  return { rows, rejected };
}
