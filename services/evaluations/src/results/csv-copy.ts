import { CsvCopy } from '@convergences/database';
import { escapeIdentifier, escapeLiteral, type Pool } from 'pg';

/** Open data stays small (a row per criterion and perspective): anything past this is a fault. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Rows as CSV (`;` between cells, a header line first, CRLF), written by Postgres's COPY as the
 * proposals' open data is: its quoting, not ours. The rows travel as one JSON literal (COPY takes
 * no parameters); every cell is text or `null` (an empty cell).
 */
export async function csvOf(
  pool: Pool,
  columns: readonly string[],
  rows: readonly Record<string, string | null>[],
): Promise<string> {
  const definitions = [...columns.map((c) => `${escapeIdentifier(c)} text`), '"#" int'].join(', ');
  const json = JSON.stringify(rows.map((row, i) => ({ ...row, '#': i })));
  const statement = `copy (
    select ${columns.map(escapeIdentifier).join(', ')}
    from json_to_recordset(${escapeLiteral(json)}::json) as r(${definitions})
    order by "#"
  ) to stdout with (format csv, header true, delimiter ';')`;
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    const copied = await client.query(new CsvCopy(statement, { maxLines: rows.length + 1, maxBytes: MAX_BYTES })).done;
    if (copied.more) throw new Error('The CSV is larger than open data ever is.');
    return copied.bytes.toString('utf8');
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-COPY is not trusted again: the pool drops it.
    client.release(failure);
  }
}
