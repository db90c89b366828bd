import type { ProposalFeature } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { StreamableFile } from '@nestjs/common';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { GEOJSON } from '../organizations/organizations.controller';
import { chunksFrom, streamedAnswer, type Chunk } from './chunked-response';

/**
 * The list's query as a GeoJSON FeatureCollection, streamed: `Accept: application/geo+json` on
 * the proposal lists. Paging does not apply: every located proposal within the box comes.
 */
export async function proposalMap(
  services: ServiceClient,
  request: GatewayRequest,
  query: Record<string, unknown>,
): Promise<StreamableFile> {
  const chunkAfter = async (after?: string): Promise<Chunk<ProposalFeature>> => {
    const chunk = await forward(services, request, 'proposals.proposal.mapChunk', {
      ...query,
      ...(after ? { after } : {}),
    });
    return { items: chunk.features, next: chunk.next };
  };
  return streamedAnswer(featurePieces(chunksFrom(await chunkAfter(), chunkAfter)), { type: GEOJSON });
}

/** Wants the map rather than a page: `Accept: application/geo+json` preferred to JSON. */
export function wantsGeoJson(request: GatewayRequest): boolean {
  return request.accepts(['application/json', GEOJSON]) === GEOJSON;
}

async function* featurePieces(chunks: AsyncIterable<ProposalFeature[]>): AsyncGenerator<string> {
  let first = true;
  yield '{"type":"FeatureCollection","features":[';
  for await (const features of chunks) {
    const text = features.map((f) => JSON.stringify(f)).join(',');
    if (text) {
      yield first ? text : `,${text}`;
      first = false;
    }
  }
  yield ']}';
}
