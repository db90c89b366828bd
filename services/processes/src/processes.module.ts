import { Module } from '@nestjs/common';
import { PrivacyHandlers } from './privacy/privacy.handlers';
import { ProcessHandlers } from './process/process.handlers';
import { ProposalCountsHandler } from './proposal-counts/proposal-counts.handler';

@Module({ controllers: [ProcessHandlers, PrivacyHandlers], providers: [ProposalCountsHandler] })
export class ProcessesModule {}
