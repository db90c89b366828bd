import type { ServiceClient } from '@convergences/messaging';
import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Pool } from 'pg';
import { ActorGuard } from './auth/actor.guard';
import { PersonCacheEvictions } from './auth/person-cache-evictions';
import { PersonDirectory } from './auth/person-directory';
import type { TokenVerifier } from './auth/token-verifier';
import { CommentsController } from './comments/comments.controller';
import type { GatewayConfig } from './config';
import { DebatesController } from './debates/debates.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { AssessmentsController } from './assessments/assessments.controller';
import { StakeholdersController } from './stakeholders/stakeholders.controller';
import { ProgressPlansController } from './progress-plans/progress-plans.controller';
import { FrameworkValuationsController } from './framework-valuations/framework-valuations.controller';
import { ResultsController } from './results/results.controller';
import { FrameworkEditorsController } from './frameworks/framework-editors.controller';
import { FrameworkTreeController } from './frameworks/framework-tree.controller';
import { FrameworksController } from './frameworks/frameworks.controller';
import { HealthController } from './health/health.controller';
import { MembershipsController, MyMembershipsController } from './memberships/memberships.controller';
import { MeController } from './me/me.controller';
import { OrganizationsController } from './organizations/organizations.controller';
import { PeopleController } from './people/people.controller';
import { jsonBodyMiddleware } from './problems/json-body.middleware';
import { ProblemFilter } from './problems/problem.filter';
import { ProcessStatsController } from './process-stats/process-stats.controller';
import { ProcessRolesController } from './process-roles/process-roles.controller';
import { ProcessesController } from './processes/processes.controller';
import { AnswersController } from './proposals/answers.controller';
import { EndorsementsController } from './proposals/endorsements.controller';
import { ExportsController } from './proposals/exports.controller';
import { ProposalsController } from './proposals/proposals.controller';
import { SimilarProposalsController } from './proposals/similar-proposals.controller';
import { SupportsController } from './proposals/supports.controller';
import { ValuationsController } from './proposals/valuations.controller';
import { RateLimitGuard, userTracker } from './rate-limit/rate-limit.guard';
import { TerritoriesController } from './territories/territories.controller';
import { ThemesController } from './themes/themes.controller';
import { GATEWAY_CONFIG, READINESS_POOL, SERVICES, TOKEN_VERIFIER } from './tokens';
import { MyVerificationsController, VerificationsController } from './verifications/verifications.controller';
import { ActivityController } from './activity/activity.controller';
import { ModerationController } from './moderation/moderation.controller';

export interface GatewayDependencies {
  config: GatewayConfig;
  services: ServiceClient;
  verifier: TokenVerifier;
  pool: Pool;
}

@Module({})
export class GatewayModule implements NestModule {
  private static bodyLimit = '100kb';

  static with(deps: GatewayDependencies): DynamicModule {
    GatewayModule.bodyLimit = deps.config.BODY_LIMIT;
    return {
      module: GatewayModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'ip', ttl: deps.config.RATE_LIMIT_WINDOW_MS, limit: deps.config.RATE_LIMIT_PER_IP },
            {
              name: 'user',
              ttl: deps.config.RATE_LIMIT_WINDOW_MS,
              limit: deps.config.RATE_LIMIT_PER_USER,
              getTracker: (request) => userTracker(request as never),
            },
          ],
        }),
      ],
      controllers: [
        HealthController,
        MeController,
        PeopleController,
        ProcessesController,
        ProcessRolesController,
        ProcessStatsController,
        ExportsController,
        ProposalsController,
        SimilarProposalsController,
        EndorsementsController,
        SupportsController,
        AnswersController,
        ValuationsController,
        DebatesController,
        CommentsController,
        ModerationController,
        ActivityController,
        FrameworksController,
        FrameworkTreeController,
        FrameworkEditorsController,
        ResultsController,
        FrameworkValuationsController,
        ProgressPlansController,
        StakeholdersController,
        AssessmentsController,
        CampaignsController,
        OrganizationsController,
        MembershipsController,
        MyMembershipsController,
        VerificationsController,
        MyVerificationsController,
        TerritoriesController,
        ThemesController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: deps.config },
        { provide: SERVICES, useValue: deps.services },
        { provide: TOKEN_VERIFIER, useValue: deps.verifier },
        { provide: READINESS_POOL, useValue: deps.pool },
        { provide: PersonDirectory, useFactory: () => new PersonDirectory(deps.services, deps.config.PERSON_CACHE_MS) },
        {
          provide: PersonCacheEvictions,
          useFactory: (people: PersonDirectory) =>
            new PersonCacheEvictions(people, {
              natsUrl: deps.config.NATS_URL,
              subjectPrefix: deps.config.NATS_SUBJECT_PREFIX,
            }),
          inject: [PersonDirectory],
        },
        // Guards run in this order: who is calling, then whether they are over their limits.
        { provide: APP_GUARD, useClass: ActorGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(jsonBodyMiddleware(GatewayModule.bodyLimit)).forRoutes('*path');
  }
}
