import { openDataCsvHeader, type ParsedRequestOf, type ProposalExportCsvChunk } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Pool } from 'pg';
import type { ProposalsDatabase } from '../db/schema';
import { participationInForce } from '@convergences/read-models';
import { supportsHiddenIn } from '../support/supports-hidden-in';
import { openDataCsvLines, type OpenDataCsvLines } from './open-data-csv.repository';

export interface ExportCsvChunkDeps {
  db: Kysely<ProposalsDatabase>;
  /** Plain pg connections, for COPY. */
  copyPool: Pool;
  services: ServiceClient;
  /** The bytes per line of the last chunk of each process (a hint, lost on restart). */
  lineSizes: Map<string, number>;
}

/** A chunk being made: the id to ask the following one after is known once its lines are read, before they are compressed. */
export interface CsvChunkInProgress {
  next: Promise<string | null>;
  chunk: Promise<ProposalExportCsvChunk>;
}

/**
 * Bytes of CSV a chunk aims at, and never passes: compressed (by about five for open data; text
 * that does not compress grows by a few bytes) then base64, 600 KB stay under 810 KB, so that a
 * reply is well under NATS's 1 MB message limit whatever the text. One line may pass alone (a
 * proposal's text is bounded: 150 characters of title, 10,000 of body).
 */
const TARGET_BYTES = 512 * 1024;
const MAX_BYTES = 600 * 1024;
/** Lines asked before a process's line size is known: few, in case they are long. */
const FIRST_LINES = 250;
const header = Buffer.from(openDataCsvHeader);

/**
 * The next open-data CSV lines of a process (the header first when `after` is absent):
 * published and withdrawn proposals, never drafts nor hidden ones, answers only once published,
 * support counts only where shown. The caller has checked the process is one they may see.
 */
export function exportCsvChunkOf(
  deps: ExportCsvChunkDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.exportCsvChunk'>,
): CsvChunkInProgress {
  const lines = linesOf(deps, context, request);
  const next = lines.then((read) => (read.more ? read.lastId : null));
  const chunk = lines.then(async (read) => {
    const csv = request.after ? read.bytes : Buffer.concat([header, read.bytes]);
    return { csv: (await compress(csv)).toString('base64'), next: read.more ? read.lastId : null };
  });
  return { next, chunk };
}

async function linesOf(
  deps: ExportCsvChunkDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.exportCsvChunk'>,
): Promise<OpenDataCsvLines> {
  const supportsHidden = supportsHiddenIn(
    await participationInForce(deps.db, deps.services, request.processId, context),
  );
  const lines = await openDataCsvLines(deps.copyPool, {
    processId: request.processId,
    after: request.after,
    limit: linesToAsk(deps.lineSizes.get(request.processId), request.limit),
    maxBytes: request.after ? MAX_BYTES : MAX_BYTES - header.length,
    supportsHidden,
  });
  if (lines.lines > 0) {
    if (deps.lineSizes.size >= 1000) deps.lineSizes.clear();
    deps.lineSizes.set(request.processId, lines.bytes.length / lines.lines);
  }
  return lines;
}

/**
 * About as many lines as fit the target, by the size of the process's last lines: Postgres
 * writes every row it is asked for, even those the byte bound then leaves out.
 */
function linesToAsk(bytesPerLine: number | undefined, limit: number): number {
  const lines = bytesPerLine ? Math.floor(TARGET_BYTES / bytesPerLine) : FIRST_LINES;
  return Math.max(1, Math.min(limit, lines));
}

const brotli = promisify(brotliCompress);

/**
 * Brotli at a fast quality: about 5 times fewer bytes to encode, send and decode, for about a
 * millisecond per chunk, off the event loop (in libuv's pool).
 */
function compress(csv: Buffer): Promise<Buffer> {
  return brotli(csv, {
    // Room for what open data compresses to in one pass, rather than zlib's rounds of 16 KB.
    chunkSize: 256 * 1024,
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: csv.length,
    },
  });
}
