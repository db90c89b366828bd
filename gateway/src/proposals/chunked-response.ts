import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/** A chunk of a long answer the gateway asks a service for, and the id to ask the next one after. */
export interface Chunk<Item> {
  items: Item[];
  next: string | null;
}

/**
 * Asks chunk after chunk (keyset: `after` the previous chunk's `next`) until the last one, the
 * next one asked while the current one is written (one ahead: the service and the client work at
 * once, and no more than two chunks are ever held). The first chunk is asked before anything is
 * written, so that a refusal still answers a problem.
 */
export async function* chunksFrom<Item>(
  first: Chunk<Item>,
  fetchAfter: (after: string) => Promise<Chunk<Item>>,
): AsyncGenerator<Item[]> {
  let chunk = first;
  for (;;) {
    const next = chunk.next ? fetchAfter(chunk.next) : undefined;
    // Failures are met where the chunk is awaited; a client gone before that leaves none unhandled.
    next?.catch(() => undefined);
    yield chunk.items;
    if (!next) return;
    chunk = await next;
  }
}

/**
 * The pieces (text, or bytes passed on as they are) as a streamed answer. The next chunk is
 * asked only once the client has read the last (64 KB of buffer), so memory stays flat whatever
 * the size, and nothing more is asked once the client has gone. A failure after the headers cuts the response short: a client sees
 * a broken download, never a complete-looking one.
 */
export function streamedAnswer(
  pieces: AsyncIterable<string | Buffer>,
  options: { type: string; disposition?: string },
): StreamableFile {
  const file = new StreamableFile(Readable.from(pieces, { objectMode: false, highWaterMark: 64 * 1024 }), options);
  file.setErrorHandler((error, response) => {
    response.destroy?.(error);
  });
  return file;
}
