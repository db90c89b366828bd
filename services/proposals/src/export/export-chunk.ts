import type { ParsedRequestOf, ProposalExportChunk, ProposalExportRow } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { participationInForce } from '@convergences/read-models';
import { supportsHiddenIn } from '../support/supports-hidden-in';
import { exportChunk, type ExportedProposalRow } from '../proposal/proposal-list.repository';

export interface ExportChunkDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/** Bytes a chunk stops at, so that a reply stays far under NATS's 1 MB message limit. */
const CHUNK_BYTES = 512 * 1024;

/**
 * The next rows of a process's open-data export: published and withdrawn proposals (never
 * drafts, never hidden ones), answers only once published, support counts only where shown.
 * The caller has checked the process is one they may see.
 */
export async function exportChunkOf(
  deps: ExportChunkDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.exportChunk'>,
): Promise<ProposalExportChunk> {
  const supportsHidden = supportsHiddenIn(
    await participationInForce(deps.db, deps.services, request.processId, context),
  );
  const rows = await exportChunk(deps.db, request.processId, { after: request.after, limit: request.limit });
  const exported: ProposalExportRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    exported.push(exportRowOf(row, supportsHidden));
    bytes += 600 + Buffer.byteLength(row.title) + Buffer.byteLength(row.body) + answerBytes(row);
    if (bytes >= CHUNK_BYTES) break;
  }
  const complete = exported.length === rows.length && rows.length < request.limit;
  return { rows: exported, next: complete || exported.length === 0 ? null : exported[exported.length - 1].id };
}

const answerBytes = (row: ExportedProposalRow) =>
  row.answer_published_at
    ? JSON.stringify(row.answer_body ?? '').length + JSON.stringify(row.answer_cost_report ?? '').length
    : 0;

function exportRowOf(row: ExportedProposalRow, supportsHidden: boolean): ProposalExportRow {
  const answered = row.answer_state !== null && row.answer_published_at !== null;
  return {
    id: row.id,
    processId: row.process_id,
    reference: row.reference!,
    title: row.title,
    body: row.body,
    locale: row.locale,
    state: row.state as ProposalExportRow['state'],
    official: row.official,
    themeId: row.theme_id,
    territoryId: row.territory_id,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    supportsCount: supportsHidden ? null : row.supports_count,
    endorsementsCount: row.endorsements_count,
    commentsCount: row.comments_count,
    answer: answered
      ? {
          state: row.answer_state!,
          body: row.answer_body,
          costCents: row.answer_cost_cents,
          costReport: row.answer_cost_report,
          executionPeriod: row.answer_execution_period,
          answeredAt: row.answered_at!,
        }
      : null,
    createdAt: row.created_at!,
    updatedAt: row.updated_at!,
    publishedAt: row.published_at!,
    withdrawnAt: row.withdrawn_at,
  };
}
