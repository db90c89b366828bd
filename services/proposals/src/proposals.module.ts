import { Module } from '@nestjs/common';
import { PersonRegisteredHandler } from './authors/person-registered.handler';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { ProposalHandlers } from './proposal/proposal.handlers';

@Module({ controllers: [ProposalHandlers], providers: [PersonRegisteredHandler, PersonUpdatedHandler] })
export class ProposalsModule {}
