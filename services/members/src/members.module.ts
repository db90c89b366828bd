import { Module } from '@nestjs/common';
import { MembershipHandlers } from './membership/membership.handlers';
import { OrganizationHandlers } from './organization/organization.handlers';
import { PersonHandlers } from './person/person.handlers';
import { ProposalCountsHandler } from './person/proposal-counts.handler';

@Module({ controllers: [PersonHandlers, OrganizationHandlers, MembershipHandlers], providers: [ProposalCountsHandler] })
export class MembersModule {}
