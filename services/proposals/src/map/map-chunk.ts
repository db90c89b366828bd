import type { ParsedRequestOf, ProposalFeature, ProposalMapChunk } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { resolveFilters } from '../proposal/proposal-filters';
import { locatedChunk, processesHidingSupports } from '../proposal/proposal-list.repository';

export interface MapChunkDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/** Bytes of features a chunk stops at, so that a reply stays far under NATS's 1 MB message limit. */
const CHUNK_BYTES = 512 * 1024;

/**
 * The next points of the map: the list's filters (same public rows), within the box, by id.
 * Support counts are `null` where the phase hides them.
 */
export async function mapChunk(
  deps: MapChunkDeps,
  context: CallContext,
  query: ParsedRequestOf<'proposals.proposal.mapChunk'>,
): Promise<ProposalMapChunk> {
  const filters = await resolveFilters(deps.services, context, query);
  const rows = await locatedChunk(deps.db, filters, { bbox: query.bbox, after: query.after, limit: query.limit });
  const hiding = await processesHidingSupports(
    deps.db,
    rows.map((r) => r.process_id),
  );
  const features: ProposalFeature[] = [];
  let bytes = 0;
  for (const row of rows) {
    const feature: ProposalFeature = {
      type: 'Feature',
      id: row.id,
      geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] },
      properties: {
        reference: row.reference,
        title: row.title,
        state: row.state,
        supportsCount: hiding.has(row.process_id) ? null : row.supports_count,
        themeId: row.theme_id,
      },
    };
    bytes += 160 + Buffer.byteLength(row.title) + (row.reference?.length ?? 0);
    features.push(feature);
    if (bytes >= CHUNK_BYTES) break;
  }
  const complete = features.length === rows.length && rows.length < query.limit;
  return { features, next: complete || features.length === 0 ? null : features[features.length - 1].id };
}
