import { openDataProposalOf, type ProposalExportRow } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Param, Req, type StreamableFile } from '@nestjs/common';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';
import { chunksFrom, streamedAnswer, type Chunk } from './chunked-response';

const EXPORT_CHUNK = 1000;
/** The service sends CSV chunks compressed (see the contract); the client gets them as they were. */
const decompress = promisify(brotliDecompress);
/** A CSV chunk is at most 600 KB (the service's bound): inflated in one pass, not zlib's rounds of 16 KB. */
const CSV_CHUNK_BYTES = 640 * 1024;
/** Excel reads a `;`-separated UTF-8 file right only when it starts with a byte order mark. */
const BOM = Buffer.from('\uFEFF');

/** A process's proposals as open data (CSV or JSON), streamed chunk by chunk. */
@Controller('api/v1/processes')
export class ExportsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The CSV is written by the service, chunk by chunk; its bytes are passed on as they come. */
  @Get(':idOrSlug/proposals/export.csv')
  async csv(@Param('idOrSlug') idOrSlug: string, @Req() request: GatewayRequest): Promise<StreamableFile> {
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    const chunkAfter = async (after?: string): Promise<Chunk<Buffer>> => {
      const chunk = await forward(this.services, request, 'proposals.proposal.exportCsvChunk', {
        processId: process.id,
        ...(after ? { after } : {}),
      });
      return {
        items: [await decompress(Buffer.from(chunk.csv, 'base64'), { chunkSize: CSV_CHUNK_BYTES })],
        next: chunk.next,
      };
    };
    const chunks = chunksFrom(await chunkAfter(), chunkAfter);
    return streamedAnswer(csvPieces(chunks), {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition(exportFileName(process.slug, 'csv')),
    });
  }

  @Get(':idOrSlug/proposals/export.json')
  async json(@Param('idOrSlug') idOrSlug: string, @Req() request: GatewayRequest): Promise<StreamableFile> {
    const { slug, chunks } = await this.rows(idOrSlug, request);
    return streamedAnswer(jsonPieces(chunks), {
      type: 'application/json; charset=utf-8',
      disposition: contentDisposition(exportFileName(slug, 'json')),
    });
  }

  /** The process the caller may see (404 otherwise) and its rows, the first chunk already asked. */
  private async rows(idOrSlug: string, request: GatewayRequest) {
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    const chunkAfter = async (after?: string): Promise<Chunk<ProposalExportRow>> => {
      const chunk = await forward(this.services, request, 'proposals.proposal.exportChunk', {
        processId: process.id,
        limit: EXPORT_CHUNK,
        ...(after ? { after } : {}),
      });
      return { items: chunk.rows, next: chunk.next };
    };
    return { slug: process.slug, chunks: chunksFrom(await chunkAfter(), chunkAfter) };
  }
}

async function* csvPieces(chunks: AsyncIterable<Buffer[]>): AsyncGenerator<Buffer> {
  yield BOM;
  for await (const pieces of chunks) yield* pieces;
}

async function* jsonPieces(chunks: AsyncIterable<ProposalExportRow[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const rows of chunks) {
    for (const row of rows) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(openDataProposalOf(row))}`;
      first = false;
    }
  }
  yield '\n]\n';
}

/** `proposals-<process slug>-<YYYY-MM-DD>.csv` */
export function exportFileName(slug: string, extension: 'csv' | 'json', now = new Date()): string {
  return `proposals-${slug}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** Slugs are ASCII (`[a-z0-9-]`), so the plain `filename=` form is enough. */
function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
