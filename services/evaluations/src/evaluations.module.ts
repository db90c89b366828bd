import { Module } from '@nestjs/common';

/** The evaluations service's handlers and use-cases; for now it answers its health check only. */
@Module({})
export class EvaluationsModule {}
