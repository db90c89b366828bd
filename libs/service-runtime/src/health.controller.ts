import type { ServiceHealth, ServiceName } from '@convergences/contracts';
import { healthPattern } from '@convergences/contracts';
import { Handles } from '@convergences/messaging';
import { Controller, Inject, type Type } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { DATABASE } from './tokens';

/** A controller answering `<service>.health` with whether its database answers. */
export function healthControllerFor(service: ServiceName): Type<unknown> {
  const startedAt = Date.now();

  @Controller()
  class HealthController {
    constructor(@Inject(DATABASE) private readonly db: Kysely<unknown>) {}

    @Handles(healthPattern(service))
    async health(): Promise<ServiceHealth> {
      const database = await sql`select 1`
        .execute(this.db)
        .then(() => true)
        .catch(() => false);
      return {
        service,
        status: database ? 'ok' : 'degraded',
        database,
        uptimeSeconds: (Date.now() - startedAt) / 1000,
      };
    }
  }
  return HealthController;
}
