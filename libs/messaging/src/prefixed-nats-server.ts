import { ServerNats } from '@nestjs/microservices';
import type { NatsConnection, Subscription } from 'nats';

type NatsServerOptions = NonNullable<ConstructorParameters<typeof ServerNats>[0]>;

/**
 * NestJS's NATS server, subscribing every pattern behind a subject prefix so that concurrent
 * test runs sharing one NATS never answer each other's requests.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    private readonly subjectPrefix: string,
    private readonly natsOptions: NatsServerOptions & { queue: string },
  ) {
    super(natsOptions);
  }

  override bindEvents(client: NatsConnection): void {
    // ServerNats keeps its subscriptions private; close() unsubscribes them on shutdown.
    const subscriptions = (this as unknown as { subscriptions: Subscription[] }).subscriptions;
    for (const [channel, handlerRef] of this.messageHandlers) {
      const queue = (handlerRef.extras?.queue as string | undefined) ?? this.natsOptions.queue;
      subscriptions.push(
        client.subscribe(this.subjectPrefix + channel, {
          queue,
          callback: this.getMessageHandler(channel).bind(this),
        }),
      );
    }
  }
}
