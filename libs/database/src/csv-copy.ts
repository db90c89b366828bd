import type { Connection, Submittable } from 'pg';

const LF = 0x0a;
const CR = 0x0d;
const SEPARATOR = 0x3b; // ';'

/** What a {@link CsvCopy} kept: CRLF-ended CSV lines and what the caller needs to page on. */
export interface CopiedCsv {
  /** The lines kept, each ending in CRLF. */
  bytes: Buffer;
  /** How many lines were kept. */
  lines: number;
  /** The first cell of the last line kept (the id to page after), `null` when none was. */
  lastFirstCell: string | null;
  /** Whether rows came after the last line kept (left out by one bound or the other). */
  more: boolean;
}

/**
 * Runs a `COPY (…) TO STDOUT WITH (FORMAT csv)` on a pg client (`client.query(copy)`) and
 * collects its rows: Postgres sends one CopyData message per row, ending in LF; each is copied
 * (pg reuses its read buffer) as a line ending in CRLF, RFC 4180's line end, which COPY cannot
 * write.
 *
 * At most `maxLines` lines are kept, and lines stop being kept once `maxBytes` would be passed
 * (the first line is always kept), so that whatever the rows hold the result stays bounded; the
 * rest of the rows are still read, so the connection is left clean. A statement asking one row
 * more than `maxLines` thus tells whether any follows.
 */
export class CsvCopy implements Submittable {
  readonly done: Promise<CopiedCsv>;
  private resolve!: (copied: CopiedCsv) => void;
  private reject!: (error: Error) => void;
  private failure: Error | null = null;
  private buffer: Buffer;
  private length = 0;
  private lines = 0;
  private lastLineStart = -1;
  private more = false;

  constructor(
    private readonly text: string,
    private readonly bounds: { maxLines: number; maxBytes: number },
  ) {
    // Sized for a whole chunk at once: grown buffers are garbage the collector pays for.
    this.buffer = Buffer.allocUnsafe(bounds.maxBytes + 2 * 1024);
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
    if (row[row.length - 1] !== LF) {
      this.failure ??= new Error('COPY sent a row that is not one CSV line.');
      return;
    }
    if (this.more) return;
    const lineBytes = row.length + 1;
    if (this.lines === this.bounds.maxLines || (this.lines > 0 && this.length + lineBytes > this.bounds.maxBytes)) {
      this.more = true;
      return;
    }
    this.ensure(lineBytes);
    this.lastLineStart = this.length;
    this.length += row.copy(this.buffer, this.length, 0, row.length - 1);
    this.buffer[this.length++] = CR;
    this.buffer[this.length++] = LF;
    this.lines++;
  }

  handleError(error: Error): void {
    this.failure ??= error;
    // A lost connection sends no ReadyForQuery: settle now (settling twice changes nothing).
    this.reject(this.failure);
  }

  handleReadyForQuery(): void {
    if (this.failure) return this.reject(this.failure);
    this.resolve({
      bytes: this.buffer.subarray(0, this.length),
      lines: this.lines,
      lastFirstCell: this.lines
        ? this.buffer.toString('utf8', this.lastLineStart, this.buffer.indexOf(SEPARATOR, this.lastLineStart))
        : null,
      more: this.more,
    });
  }

  // Messages a COPY TO never gets; pg calls whichever the server sends.
  handleCommandComplete(): void {}
  handleEmptyQuery(): void {}
  handleRowDescription(): void {
    this.failure ??= new Error('CsvCopy runs COPY … TO STDOUT statements only.');
  }
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(connection: Connection): void {
    (connection as Connection & { sendCopyFail(message: string): void }).sendCopyFail('CsvCopy reads only.');
  }

  private ensure(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
