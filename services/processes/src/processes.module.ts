import { Module } from '@nestjs/common';
import { ProcessHandlers } from './process/process.handlers';
import { ProposalCountsHandler } from './proposal-counts/proposal-counts.handler';

@Module({ controllers: [ProcessHandlers], providers: [ProposalCountsHandler] })
export class ProcessesModule {}
