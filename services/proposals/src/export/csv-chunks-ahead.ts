import type { ParsedRequestOf, ProposalExportCsvChunk } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { CsvChunkInProgress } from './export-csv-chunk';

type CsvChunkRequest = ParsedRequestOf<'proposals.proposal.exportCsvChunk'>;
type StartChunk = (context: CallContext, request: CsvChunkRequest) => CsvChunkInProgress;

/** Chunks read ahead of the last one asked; how long one waits for its request, and how many wait at most. */
const AHEAD = 2;
const KEPT_MS = 10_000;
const KEPT_AT_MOST = 16;

/**
 * Answers each CSV chunk and reads the next ones ahead. The export is keyset-paged (a chunk's
 * lines tell the next `after`), so the gateway can ask for a chunk only once it has the previous
 * one: without reading ahead, Postgres would wait on every round trip, compression and decoding
 * in between. Here each chunk's successor starts as soon as its own lines are read, up to two
 * chunks ahead of the last one asked, and Postgres reads while the rest of the way works.
 *
 * A chunk read ahead is kept for its own download only (the same request id, process and
 * `after`), for a few seconds: one whose download stopped, or whose request went to another
 * replica, is dropped unused. Like the chunk the gateway asks ahead, it is read from the
 * database before the client has read the previous ones.
 */
export class CsvChunksAhead {
  private readonly ahead = new Map<string, { work: CsvChunkInProgress; until: number }>();

  constructor(
    private readonly start: StartChunk,
    private readonly now: () => number = Date.now,
  ) {}

  async answer(context: CallContext, request: CsvChunkRequest): Promise<ProposalExportCsvChunk> {
    const kept = this.take(keyOf(context, request));
    const work = kept ?? this.start(context, request);
    this.readAheadAfter(context, request, work, AHEAD);
    // A chunk that failed while read ahead is made again: its failure may have been passing.
    return kept ? work.chunk.catch(() => this.start(context, request).chunk) : work.chunk;
  }

  private take(key: string): CsvChunkInProgress | undefined {
    const kept = this.ahead.get(key);
    this.ahead.delete(key);
    return kept && kept.until >= this.now() ? kept.work : undefined;
  }

  /** Once `work`'s lines are read, starts its successor (unless it is already under way), and so on `depth` chunks deep. */
  private readAheadAfter(context: CallContext, request: CsvChunkRequest, work: CsvChunkInProgress, depth: number) {
    if (depth === 0) return;
    work.next.then(
      (after) => {
        if (!after) return;
        const successor = { ...request, after };
        const key = keyOf(context, successor);
        let kept = this.ahead.get(key);
        if (!kept) {
          this.dropStale();
          const started = this.start(context, successor);
          // Failures are met when the chunk is asked, if it is.
          started.next.catch(() => undefined);
          started.chunk.catch(() => undefined);
          kept = { work: started, until: this.now() + KEPT_MS };
          this.ahead.set(key, kept);
        }
        this.readAheadAfter(context, successor, kept.work, depth - 1);
      },
      () => undefined,
    );
  }

  private dropStale(): void {
    const now = this.now();
    for (const [key, kept] of this.ahead) if (kept.until < now) this.ahead.delete(key);
    while (this.ahead.size >= KEPT_AT_MOST) this.ahead.delete(this.ahead.keys().next().value!);
  }
}

const keyOf = (context: CallContext, request: CsvChunkRequest) =>
  `${context.requestId}|${request.processId}|${request.after ?? ''}|${request.limit}`;
