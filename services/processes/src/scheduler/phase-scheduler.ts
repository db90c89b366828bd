import { CONFIG, DATABASE, LOGGER, type PlatformConfig } from '@convergences/service-runtime';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ProcessesDatabase } from '../db/schema';
import { activateDuePhases } from './activate-due-phases';

/**
 * Runs `activateDuePhases` every `SCHEDULER_INTERVAL_MS` in every replica: the database, not the
 * number of replicas, decides that each phase is activated once.
 */
@Injectable()
export class PhaseScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>,
    @Inject(CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.SCHEDULER_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a pass still running (slow database) is not doubled. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        const activated = await activateDuePhases(this.db);
        if (activated > 0) this.logger.info({ activated }, 'scheduled phases activated');
      } catch (error) {
        this.logger.warn({ err: error }, 'phase scheduler pass failed; retrying at the next tick');
      } finally {
        this.running = undefined;
      }
    })();
    await this.running;
  }
}
