import { Module } from '@nestjs/common';
import { PersonBlockedHandler, PersonUnblockedHandler } from './access/blocked-people.handlers';
import { InvitationHandlers } from './invitation/invitation.handlers';
import { ParticipationHandlers } from './participation/participation.handlers';
import { PermissionHandlers } from './permission/permission.handlers';
import { PhaseHandlers } from './phase/phase.handlers';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';
import { ProcessHandlers } from './process/process.handlers';
import { ProposalCountsHandler } from './proposal-counts/proposal-counts.handler';
import { ProposalHiddenCountsHandler, ProposalShownCountsHandler } from './proposal-counts/proposal-moderated.handlers';
import { RoleHandlers } from './role/role.handlers';
import { PhaseScheduler } from './scheduler/phase-scheduler';
import { statsEventHandlers } from './stats/stats-event-handlers';
import { StatsHandlers } from './stats/stats.handlers';
import { TerritoryHandlers } from './territory/territory.handlers';
import { ThemeHandlers } from './theme/theme.handlers';

@Module({
  controllers: [
    ProcessHandlers,
    PhaseHandlers,
    PermissionHandlers,
    ParticipationHandlers,
    PrivacyHandlers,
    StatsHandlers,
    RoleHandlers,
    InvitationHandlers,
    TerritoryHandlers,
    ThemeHandlers,
  ],
  providers: [
    ProposalCountsHandler,
    ProposalHiddenCountsHandler,
    ProposalShownCountsHandler,
    PhaseScheduler,
    ...statsEventHandlers,
    PersonBlockedHandler,
    PersonUnblockedHandler,
    PersonDeletedHandler,
  ],
})
export class ProcessesModule {}
