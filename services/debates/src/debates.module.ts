import { Module } from '@nestjs/common';
import { PrivacyHandlers } from './privacy/privacy.handlers';

/** The debates service's handlers and use-cases; for now it answers its health check and its privacy export. */
@Module({ controllers: [PrivacyHandlers] })
export class DebatesModule {}
