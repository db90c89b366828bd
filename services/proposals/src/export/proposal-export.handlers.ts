import type { ParsedRequestOf, ProposalExportChunk, ProposalExportCsvChunk } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { CONFIG, DATABASE, LOGGER, SERVICE_CLIENT, type PlatformConfig } from '@convergences/service-runtime';
import type { createLogger } from '@convergences/service-runtime';
import { Controller, Inject, type OnModuleDestroy } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { Pool } from 'pg';
import type { ProposalsDatabase } from '../db/schema';
import { CsvChunksAhead } from './csv-chunks-ahead';
import { exportChunkOf } from './export-chunk';
import { exportCsvChunkOf } from './export-csv-chunk';

@Controller()
export class ProposalExportHandlers implements OnModuleDestroy {
  /**
   * Kysely runs no COPY, so the CSV export has plain connections of its own, on the service's
   * schema as Kysely's are: two exports read at once, more wait their turn.
   */
  private readonly copyPool: Pool;
  private readonly csvChunks: CsvChunksAhead;

  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
    @Inject(CONFIG) config: PlatformConfig,
    @Inject(LOGGER) logger: ReturnType<typeof createLogger>,
  ) {
    this.copyPool = new Pool({
      connectionString: config.DATABASE_URL,
      max: 2,
      application_name: 'proposals-export',
      // Times are written by Postgres (see open-data-csv.repository), in ISO style.
      options: '-c search_path=proposals,public -c DateStyle=ISO',
    });
    // An idle connection dropped by the server must not take the process down; the pool reconnects.
    this.copyPool.on('error', (error) => logger.warn({ err: error }, 'idle export connection lost'));
    const deps = { db, copyPool: this.copyPool, services, lineSizes: new Map<string, number>() };
    this.csvChunks = new CsvChunksAhead((context, request) => exportCsvChunkOf(deps, context, request));
  }

  @Handles('proposals.proposal.exportChunk')
  exportChunk(
    request: ParsedRequestOf<'proposals.proposal.exportChunk'>,
    context: RequestContext,
  ): Promise<ProposalExportChunk> {
    return exportChunkOf({ db: this.db, services: this.services }, context, request);
  }

  @Handles('proposals.proposal.exportCsvChunk')
  exportCsvChunk(
    request: ParsedRequestOf<'proposals.proposal.exportCsvChunk'>,
    context: RequestContext,
  ): Promise<ProposalExportCsvChunk> {
    return this.csvChunks.answer(context, request);
  }

  async onModuleDestroy(): Promise<void> {
    await this.copyPool.end();
  }
}
