import {
  DomainError,
  domainErrorPayloadSchema,
  type Actor,
  type MessagePattern,
  type RequestEnvelope,
  type RequestOf,
  type ResponseOf,
} from '@convergences/contracts';
import { connect, ErrorCode, JSONCodec, NatsError, type NatsConnection } from 'nats';
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

/** What a NestJS NATS server answers: `{ err }` or `{ response }`, with the request's id. */
interface NestReply {
  err?: unknown;
  response?: unknown;
  isDisposed?: boolean;
}

const codec = JSONCodec<unknown>();

/**
 * Request-reply over NATS to any service, with a timeout and errors turned back into domain errors.
 * It speaks the NestJS NATS transport's packets (`{ pattern, data, id }` out, `{ err | response }`
 * back) that every service's `@Handles` server understands, but through the `nats` client's own
 * `request`, which shares one subscription for all replies: NestJS's `ClientNats` subscribes and
 * unsubscribes an inbox for every request, which costs the caller, the NATS server and, in a
 * cluster, every route (measured in docs/performance.md, supports-surge).
 */
export class ServiceClient {
  private connection?: NatsConnection;
  private sequence = 0;

  constructor(private readonly options: ServiceClientOptions) {}

  async connect(): Promise<void> {
    this.connection ??= await connect({
      ...natsConnectionOptions(this.options.natsUrl),
      name: this.options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection && !connection.isClosed()) await connection.close();
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
    const subject = this.options.subjectPrefix + pattern;
    let reply: NestReply;
    try {
      if (!this.connection || this.connection.isClosed()) throw new Error('CONNECTION_CLOSED');
      const message = await this.connection.request(
        subject,
        codec.encode({ pattern: subject, data: envelope, id: String(++this.sequence) }),
        { timeout: timeoutMs },
      );
      reply = codec.decode(message.data) as NestReply;
    } catch (error) {
      throw toDomainError(error, pattern);
    }
    if (reply.err !== undefined && reply.err !== null) throw toDomainError(reply.err, pattern);
    if (!('response' in reply)) throw toDomainError(new Error('empty reply'), pattern);
    return reply.response as ResponseOf<P>;
  }
}

function toDomainError(error: unknown, pattern: string): DomainError {
  if (error instanceof DomainError) return error;
  const service = pattern.split('.')[0];
  if (error instanceof NatsError && error.code === ErrorCode.Timeout) {
    return new DomainError('service_unavailable', `The ${service} service did not answer in time.`, { service });
  }
  if (error instanceof NatsError && error.code === ErrorCode.NoResponders) {
    // NATS answers "no responders" at once when no instance listens on the subject.
    return new DomainError('service_unavailable', `No instance of the ${service} service is running.`, { service });
  }
  const payload = domainErrorPayloadSchema.safeParse(error);
  if (payload.success) return DomainError.fromPayload(payload.data);
  if (
    error instanceof Error &&
    /CONNECTION_REFUSED|CLOSED|DISCONNECT/i.test(`${error.message} ${(error as NatsError).code ?? ''}`)
  ) {
    return new DomainError('service_unavailable', 'The message bus is unreachable.', { service });
  }
  return new DomainError('internal', `The ${service} service failed to answer.`, { service });
}
