import type { CampaignResults, OpenDataCampaign, OpenDataResults, Page, SubjectResults } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Param, Query, Req, StreamableFile } from '@nestjs/common';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';

/** Excel reads a `;`-separated UTF-8 file right only when it starts with a byte order mark. */
const BOM = Buffer.from('\uFEFF');

/**
 * Results of campaigns (regards croisés) and their open data. Who reads what is the service's
 * rule: anonymous callers are let through, and see closed campaigns' results and open data only.
 */
@Controller('api/v1')
export class ResultsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get('campaigns/:id/results')
  campaign(@Param('id') campaignId: string, @Req() request: GatewayRequest): Promise<CampaignResults> {
    return forward(this.services, request, 'evaluations.results.campaign', { campaignId });
  }

  @Get('campaigns/:id/subjects/:subjectId/results')
  subject(
    @Param('id') campaignId: string,
    @Param('subjectId') subjectId: string,
    @Req() request: GatewayRequest,
  ): Promise<SubjectResults> {
    return forward(this.services, request, 'evaluations.results.subject', { campaignId, subjectId });
  }

  @Get('open-data/campaigns')
  openDataCampaigns(
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<OpenDataCampaign>> {
    return forward(this.services, request, 'evaluations.openData.campaigns', query);
  }

  @Get('open-data/campaigns/:id/results.json')
  openDataJson(@Param('id') campaignId: string, @Req() request: GatewayRequest): Promise<OpenDataResults> {
    return forward(this.services, request, 'evaluations.openData.results', { campaignId });
  }

  /** The CSV is written by the service; the gateway adds the byte order mark and makes it a download. */
  @Get('open-data/campaigns/:id/results.csv')
  async openDataCsv(@Param('id') campaignId: string, @Req() request: GatewayRequest): Promise<StreamableFile> {
    const { fileName, csv } = await forward(this.services, request, 'evaluations.openData.resultsCsv', { campaignId });
    return new StreamableFile(Buffer.concat([BOM, Buffer.from(csv, 'utf8')]), {
      type: 'text/csv; charset=utf-8',
      // Our file names are ASCII (`campaign-results-<uuid>.csv`): the plain `filename=` form is enough.
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
