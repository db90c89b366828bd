import { Module } from '@nestjs/common';
import { MembershipHandlers } from './membership/membership.handlers';
import { OrganizationHandlers } from './organization/organization.handlers';
import { PersonHandlers } from './person/person.handlers';
import { ProposalCountsHandler } from './person/proposal-counts.handler';
import { ProposalHiddenCountsHandler, ProposalShownCountsHandler } from './person/proposal-moderated.handlers';
import { PrivacyHandlers } from './privacy/privacy.handlers';
import { VerificationHandlers } from './verification/verification.handlers';

@Module({
  controllers: [PersonHandlers, OrganizationHandlers, MembershipHandlers, PrivacyHandlers, VerificationHandlers],
  providers: [ProposalCountsHandler, ProposalHiddenCountsHandler, ProposalShownCountsHandler],
})
export class MembersModule {}
