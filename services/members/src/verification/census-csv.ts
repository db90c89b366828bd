import { DomainError, type CensusRejection } from '@convergences/contracts';
import { parse } from 'csv-parse/sync';

/** Header names of the identifier column (the first that is present wins) and of the birth date. */
export const IDENTIFIER_COLUMNS = ['identifier', 'document_number'];
export const BIRTH_DATE_COLUMN = 'birth_date';

/** A census row ready to be hashed: its identifier and birth date, normalised. */
export interface CensusRow {
  line: number;
  identifier: string;
  birthDate: string | null;
}

/** A record of the CSV with the line it starts on. */
export interface CensusRecord {
  line: number;
  fields: string[];
}

/**
 * Reads census CSV text: a header line, then records separated by `;` or `,` (the one the header
 * uses). Text that is not CSV (unbalanced quotes…) or has no identifier column is a `bad_request`.
 */
export function parseCensusCsv(csv: string): { header: string[]; records: CensusRecord[] } {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(csv, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new DomainError('bad_request', `The census is not valid CSV: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new DomainError('bad_request', 'The census is empty: a header line is required.');
  const header = rows[0].record.map((name) => name.trim().toLowerCase());
  if (!IDENTIFIER_COLUMNS.some((name) => header.includes(name)))
    throw new DomainError(
      'bad_request',
      `The census needs a header line naming an identifier column (${IDENTIFIER_COLUMNS.join(' or ')}), optionally ${BIRTH_DATE_COLUMN}.`,
    );
  return { header, records: rows.slice(1).map(({ record, info }) => ({ line: info.lines, fields: record })) };
}

/** An identifier as compared: accents dropped, upper case, letters and digits only ("12 345-ab" = "12345AB"). */
export function normaliseIdentifier(identifier: string): string {
  return identifier
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A birth date given as `YYYY-MM-DD` or `DD/MM/YYYY`, as `YYYY-MM-DD`; `null` when it is no real date. */
export function normaliseBirthDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!year) return null;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return null;
  return `${year}-${month}-${day}`;
}

/** Splits census records into rows to store and rows refused, each refusal with its line and reason. */
export function buildCensusReport(
  header: string[],
  records: CensusRecord[],
): { accepted: CensusRow[]; rejected: CensusRejection[] } {
  const identifierAt = header.indexOf(IDENTIFIER_COLUMNS.find((name) => header.includes(name))!);
  const birthDateAt = header.indexOf(BIRTH_DATE_COLUMN);
  const accepted: CensusRow[] = [];
  const rejected: CensusRejection[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    if (fields.length !== header.length) {
      rejected.push({
        line,
        reason: 'column_count',
        message: `${fields.length} column(s) where the header has ${header.length}`,
      });
      continue;
    }
    const identifier = normaliseIdentifier(fields[identifierAt]);
    if (!identifier) {
      rejected.push({ line, reason: 'empty_identifier', message: 'the identifier is empty' });
      continue;
    }
    const rawBirthDate = birthDateAt >= 0 ? fields[birthDateAt].trim() : '';
    const birthDate = rawBirthDate ? normaliseBirthDate(rawBirthDate) : null;
    if (rawBirthDate && !birthDate) {
      rejected.push({
        line,
        reason: 'bad_date',
        message: `"${rawBirthDate}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
      });
      continue;
    }
    const firstLine = seen.get(identifier);
    if (firstLine !== undefined) {
      rejected.push({ line, reason: 'duplicate', message: `the same identifier as line ${firstLine}` });
      continue;
    }
    seen.set(identifier, line);
    accepted.push({ line, identifier, birthDate });
  }
  return { accepted, rejected };
}
