import { Module } from '@nestjs/common';
import { PersonRegisteredHandler } from './authors/person-registered.handler';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { ParticipationChangedHandler } from './participation/participation-changed.handler';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';
import { ProposalHandlers } from './proposal/proposal.handlers';

@Module({
  controllers: [ProposalHandlers, PrivacyHandlers],
  providers: [PersonRegisteredHandler, PersonUpdatedHandler, PersonDeletedHandler, ParticipationChangedHandler],
})
export class ProposalsModule {}
