import { escapeIdentifier, escapeLiteral, type Connection, type Pool, type Submittable } from 'pg';

const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/** Open data stays small (a row per criterion and perspective): anything past this is a fault. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Collects what a `COPY (…) TO STDOUT WITH (FORMAT csv)` sends: one CopyData message per line,
 * each ending in LF, kept ending in CRLF (RFC 4180's line end, which COPY cannot write).
 */
class CsvText implements Submittable {
  readonly done: Promise<Buffer>;
  private resolve!: (bytes: Buffer) => void;
  private reject!: (error: Error) => void;
  private failure: Error | null = null;
  private readonly lines: Buffer[] = [];
  private length = 0;

  constructor(private readonly text: string) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: Connection): void {
    // The simple query protocol: COPY takes no bind parameters.
    connection.query(this.text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    const row = message.chunk;
    const end = row[row.length - 1] === LF ? row.length - 1 : row.length;
    this.length += end + CRLF.length;
    if (this.length > MAX_BYTES) {
      this.failure ??= new Error('The CSV is larger than open data ever is.');
      return;
    }
    // pg reuses its read buffer: each line is copied.
    this.lines.push(Buffer.from(row.subarray(0, end)), CRLF);
  }

  handleError(error: Error): void {
    this.failure ??= error;
    this.reject(this.failure);
  }

  handleReadyForQuery(): void {
    if (this.failure) return this.reject(this.failure);
    this.resolve(Buffer.concat(this.lines));
  }

  // Messages a COPY TO never gets; pg calls whichever the server sends.
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handleRowDescription(): void {
    this.failure ??= new Error('CsvText runs COPY … TO STDOUT statements only.');
  }
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(connection: Connection): void {
    (connection as Connection & { sendCopyFail(message: string): void }).sendCopyFail('CsvText reads only.');
  }
}

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
    return (await client.query(new CsvText(statement)).done).toString('utf8');
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-COPY is not trusted again: the pool drops it.
    client.release(failure);
  }
}
