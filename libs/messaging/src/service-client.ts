import {
  DomainError,
  domainErrorPayloadSchema,
  type Actor,
  type MessagePattern,
  type RequestEnvelope,
  type RequestOf,
  type ResponseOf,
} from '@convergences/contracts';
import { ClientNats } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { natsConnectionOptions } from './nats-connection';

export interface ServiceClientOptions {
  natsUrl: string;
  subjectPrefix: string;
  /** How long a caller waits for an answer before giving up with `service_unavailable`. */
  requestTimeoutMs: number;
  name: string;
}

/** Who asks, carried with each request. */
export interface CallContext {
  actor: Actor | null;
  requestId: string;
  idempotencyKey?: string;
}

/** Request-reply over NATS to any service, with a timeout and errors turned back into domain errors. */
export class ServiceClient {
  private readonly client: ClientNats;

  constructor(private readonly options: ServiceClientOptions) {
    this.client = new ClientNats({
      ...natsConnectionOptions(options.natsUrl),
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Sends `body` to the service behind `pattern` and waits for its answer. */
  async request<P extends MessagePattern>(
    pattern: P,
    body: RequestOf<P>,
    context: CallContext,
    timeoutMs = this.options.requestTimeoutMs,
  ): Promise<ResponseOf<P>> {
    const envelope: RequestEnvelope<RequestOf<P>> = {
      actor: context.actor,
      requestId: context.requestId,
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
      body,
    };
    try {
      return await firstValueFrom(
        this.client.send<ResponseOf<P>>(this.options.subjectPrefix + pattern, envelope).pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      throw toDomainError(error, pattern);
    }
  }
}

function toDomainError(error: unknown, pattern: string): DomainError {
  if (error instanceof DomainError) return error;
  const service = pattern.split('.')[0];
  if (error instanceof TimeoutError) {
    return new DomainError('service_unavailable', `The ${service} service did not answer in time.`, { service });
  }
  if (error instanceof EmptyResponseException) {
    // NATS answers "no responders" at once when no instance listens on the subject.
    return new DomainError('service_unavailable', `No instance of the ${service} service is running.`, { service });
  }
  const payload = domainErrorPayloadSchema.safeParse(error);
  if (payload.success) return DomainError.fromPayload(payload.data);
  if (error instanceof Error && /CONNECTION_REFUSED|CLOSED|DISCONNECT/i.test(error.message)) {
    return new DomainError('service_unavailable', 'The message bus is unreachable.', { service });
  }
  return new DomainError('internal', `The ${service} service failed to answer.`, { service });
}
