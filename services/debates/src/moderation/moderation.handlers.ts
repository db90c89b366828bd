import type { Moderation, ModerationDetail, Page, ParsedRequestOf, Report } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { createReport, type ReportDeps } from './create-report';
import { getModeration, listModerations } from './list-moderations';
import { dismissReported, hideModerated, unhideModerated } from './moderate';
import { reportThreshold } from './report-threshold';

@Controller()
export class ModerationHandlers {
  private readonly deps: ReportDeps;

  constructor(@Inject(DATABASE) db: Kysely<DebatesDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services, threshold: reportThreshold() };
  }

  @Handles('debates.report.create')
  report(body: ParsedRequestOf<'debates.report.create'>, context: RequestContext): Promise<Report> {
    return createReport(this.deps, context, body);
  }

  @Handles('debates.moderation.list')
  list(query: ParsedRequestOf<'debates.moderation.list'>, context: RequestContext): Promise<Page<Moderation>> {
    return listModerations(this.deps, context, query);
  }

  @Handles('debates.moderation.get')
  get(body: ParsedRequestOf<'debates.moderation.get'>, context: RequestContext): Promise<ModerationDetail> {
    return getModeration(this.deps, context, body);
  }

  @Handles('debates.moderation.hide')
  hide(body: ParsedRequestOf<'debates.moderation.hide'>, context: RequestContext): Promise<Moderation> {
    return hideModerated(this.deps, context, body);
  }

  @Handles('debates.moderation.unhide')
  unhide(body: ParsedRequestOf<'debates.moderation.unhide'>, context: RequestContext): Promise<Moderation> {
    return unhideModerated(this.deps, context, body);
  }

  @Handles('debates.moderation.dismiss')
  dismiss(body: ParsedRequestOf<'debates.moderation.dismiss'>, context: RequestContext): Promise<Moderation> {
    return dismissReported(this.deps, context, body);
  }
}
