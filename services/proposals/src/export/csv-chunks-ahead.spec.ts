import type { ProposalExportCsvChunk } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { CsvChunksAhead } from './csv-chunks-ahead';
import type { CsvChunkInProgress } from './export-csv-chunk';

const processId = '019a0000-0000-7000-8000-000000000001';
/** An export of five chunks: after nothing comes `a`, after `a` comes `b`… after `d`, nothing. */
const successorOf: Record<string, string | null> = { '': 'a', a: 'b', b: 'c', c: 'd', d: null };
const settled = () => new Promise((resolve) => setImmediate(resolve));

function exportOfFiveChunks(fail: Set<string> = new Set()) {
  const started: string[] = [];
  const start = (context: CallContext, request: { after?: string }): CsvChunkInProgress => {
    const after = request.after ?? '';
    started.push(`${context.requestId}:${after || '-'}`);
    if (fail.delete(after)) {
      const failure = Promise.reject(new Error('database gone'));
      return { next: failure, chunk: failure as Promise<ProposalExportCsvChunk> };
    }
    const next = successorOf[after];
    return { next: Promise.resolve(next), chunk: Promise.resolve({ csv: btoa(after || '-'), next }) };
  };
  return { started, start };
}

const ask = (chunks: CsvChunksAhead, requestId: string, after?: string) =>
  chunks.answer({ actor: null, requestId }, { processId, limit: 2000, ...(after ? { after } : {}) });

describe('CsvChunksAhead', () => {
  it('reads two chunks ahead of the last one asked, and answers from them', async () => {
    const { started, start } = exportOfFiveChunks();
    const chunks = new CsvChunksAhead(start);
    expect(await ask(chunks, 'r1')).toEqual({ csv: btoa('-'), next: 'a' });
    await settled();
    expect(started).toEqual(['r1:-', 'r1:a', 'r1:b']);
    expect(await ask(chunks, 'r1', 'a')).toEqual({ csv: btoa('a'), next: 'b' });
    await settled();
    expect(started).toEqual(['r1:-', 'r1:a', 'r1:b', 'r1:c']);
    await ask(chunks, 'r1', 'b');
    await ask(chunks, 'r1', 'c');
    expect(await ask(chunks, 'r1', 'd')).toEqual({ csv: btoa('d'), next: null });
    await settled();
    // Every chunk read once, nothing after the last.
    expect(started).toEqual(['r1:-', 'r1:a', 'r1:b', 'r1:c', 'r1:d']);
  });

  it('keeps a chunk read ahead for its own download only', async () => {
    const { started, start } = exportOfFiveChunks();
    const chunks = new CsvChunksAhead(start);
    await ask(chunks, 'r1');
    await settled();
    await ask(chunks, 'r2', 'a');
    expect(started.filter((s) => s.endsWith(':a'))).toEqual(['r1:a', 'r2:a']);
  });

  it('reads again a chunk kept past its time', async () => {
    const { started, start } = exportOfFiveChunks();
    let now = 0;
    const chunks = new CsvChunksAhead(start, () => now);
    await ask(chunks, 'r1');
    await settled();
    now += 10_001;
    expect(await ask(chunks, 'r1', 'a')).toEqual({ csv: btoa('a'), next: 'b' });
    expect(started.filter((s) => s === 'r1:a')).toHaveLength(2);
  });

  it('reads again a chunk whose reading ahead failed', async () => {
    const { started, start } = exportOfFiveChunks(new Set(['a']));
    const chunks = new CsvChunksAhead(start);
    await ask(chunks, 'r1');
    await settled();
    expect(await ask(chunks, 'r1', 'a')).toEqual({ csv: btoa('a'), next: 'b' });
    expect(started.filter((s) => s === 'r1:a')).toHaveLength(2);
  });

  it('keeps a bounded number of chunks, the oldest dropped first', async () => {
    const { started, start } = exportOfFiveChunks();
    const chunks = new CsvChunksAhead(start);
    for (let i = 1; i <= 9; i++) await ask(chunks, `r${i}`);
    await settled();
    // Nine downloads, two chunks ahead each: the first one's were dropped for the last ones'.
    await ask(chunks, 'r1', 'a');
    await ask(chunks, 'r9', 'a');
    expect(started.filter((s) => s === 'r1:a')).toHaveLength(2);
    expect(started.filter((s) => s === 'r9:a')).toHaveLength(1);
  });
});
