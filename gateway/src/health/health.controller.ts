import { serviceNames, healthPattern } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { READINESS_POOL, SERVICES } from '../tokens';

@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    @Inject(SERVICES) private readonly services: ServiceClient,
    @Inject(READINESS_POOL) private readonly pool: Pool,
  ) {}

  /** Liveness: the gateway process answers. */
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** Readiness: Postgres, NATS and every service answer. */
  @Get('ready')
  async ready(@Res() response: Response) {
    const checks: Record<string, boolean> = {};
    const probes = [
      this.pool.query('select 1').then(
        () => (checks.postgres = true),
        () => (checks.postgres = false),
      ),
      ...serviceNames.map((service) =>
        this.services.request(healthPattern(service), {}, { actor: null, requestId: 'readiness' }, 2000).then(
          (health) => (checks[service] = (health as { status: string }).status === 'ok'),
          () => (checks[service] = false),
        ),
      ),
    ];
    await Promise.all(probes);
    checks.nats = serviceNames.some((service) => checks[service]);
    const ready = Object.values(checks).every(Boolean);
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  }
}
