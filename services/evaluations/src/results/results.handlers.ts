import type {
  CampaignResults,
  OpenDataCampaign,
  OpenDataResults,
  Page,
  ParsedRequestOf,
  SubjectResults,
} from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { CONFIG, DATABASE, LOGGER, type createLogger, type PlatformConfig } from '@convergences/service-runtime';
import { Controller, Inject, type OnModuleDestroy } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { Pool } from 'pg';
import type { EvaluationsDatabase } from '../db/schema';
import { campaignResults } from './campaign-results';
import { openDataCampaigns, openDataResults, openDataResultsCsv, type OpenDataDeps } from './open-data';
import { subjectResults } from './subject-results';

/** The evaluations service's message handlers for results (regards croisés) and their open data. */
@Controller()
export class ResultsHandlers implements OnModuleDestroy {
  private readonly deps: OpenDataDeps;

  constructor(
    @Inject(DATABASE) db: Kysely<EvaluationsDatabase>,
    @Inject(CONFIG) config: PlatformConfig,
    @Inject(LOGGER) logger: ReturnType<typeof createLogger>,
  ) {
    // Kysely runs no COPY, which writes the open-data CSV: one plain connection of its own, made when first asked.
    const copyPool = new Pool({
      connectionString: config.DATABASE_URL,
      max: 1,
      application_name: 'evaluations-open-data',
    });
    copyPool.on('error', (error) => logger.warn({ err: error }, 'idle open-data connection lost'));
    this.deps = { db, copyPool };
  }

  @Handles('evaluations.results.subject')
  subject(body: ParsedRequestOf<'evaluations.results.subject'>, context: RequestContext): Promise<SubjectResults> {
    return subjectResults(this.deps, context, body);
  }

  @Handles('evaluations.results.campaign')
  campaign(body: ParsedRequestOf<'evaluations.results.campaign'>, context: RequestContext): Promise<CampaignResults> {
    return campaignResults(this.deps, context, body);
  }

  @Handles('evaluations.openData.campaigns')
  openDataCampaigns(query: ParsedRequestOf<'evaluations.openData.campaigns'>): Promise<Page<OpenDataCampaign>> {
    return openDataCampaigns(this.deps, query);
  }

  @Handles('evaluations.openData.results')
  openDataResults(body: ParsedRequestOf<'evaluations.openData.results'>): Promise<OpenDataResults> {
    return openDataResults(this.deps, body);
  }

  @Handles('evaluations.openData.resultsCsv')
  openDataResultsCsv(
    body: ParsedRequestOf<'evaluations.openData.resultsCsv'>,
  ): Promise<{ fileName: string; csv: string }> {
    return openDataResultsCsv(this.deps, body);
  }

  async onModuleDestroy(): Promise<void> {
    await this.deps.copyPool.end();
  }
}
