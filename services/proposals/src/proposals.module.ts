import { Module } from '@nestjs/common';
import { PersonRegisteredHandler } from './authors/person-registered.handler';
import { ProposalHandlers } from './proposal/proposal.handlers';

@Module({ controllers: [ProposalHandlers], providers: [PersonRegisteredHandler] })
export class ProposalsModule {}
