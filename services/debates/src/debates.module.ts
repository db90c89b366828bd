import { Module } from '@nestjs/common';

/** The debates service's handlers and use-cases; for now it answers its health check only. */
@Module({})
export class DebatesModule {}
