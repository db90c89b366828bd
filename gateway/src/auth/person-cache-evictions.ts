import { eventSubject, type EventType } from '@convergences/contracts';
import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import type { PersonDirectory } from './person-directory';

/** The events after which a cached person is stale: their block state or their profile changed, or they left. */
export const personCacheEvictingEvents: EventType[] = [
  'members.person.blocked',
  'members.person.unblocked',
  'members.person.updated',
  'members.person.deleted',
];

export interface PersonCacheEvictionsOptions {
  natsUrl: string;
  subjectPrefix: string;
}

/**
 * Listens (plain NATS subscriptions, every gateway replica hears every event) to the events that
 * make a cached person stale and forgets that person, so that a block holds from the next request.
 */
export class PersonCacheEvictions implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PersonCacheEvictions');
  private nats?: NatsConnection;

  constructor(
    private readonly people: PersonDirectory,
    private readonly options: PersonCacheEvictionsOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.nats = await connect({
      servers: this.options.natsUrl,
      name: 'gateway-person-cache',
      maxReconnectAttempts: -1,
    });
    for (const type of personCacheEvictingEvents) {
      this.nats.subscribe(eventSubject(type, this.options.subjectPrefix), {
        callback: (error, message) => {
          if (error) return this.logger.warn(`person cache subscription failed: ${error.message}`);
          const personId = this.personIdOf(message.data);
          if (personId) this.people.forget(personId);
        },
      });
    }
    // Subscriptions are in place once the server has seen them.
    await this.nats.flush();
  }

  async onModuleDestroy(): Promise<void> {
    await this.nats?.drain().catch(() => undefined);
  }

  private personIdOf(data: Uint8Array): string | undefined {
    try {
      const envelope = JSON.parse(new TextDecoder().decode(data)) as { data?: { personId?: unknown } };
      return typeof envelope.data?.personId === 'string' ? envelope.data.personId : undefined;
    } catch {
      return undefined;
    }
  }
}
