import {
  DomainError,
  messages,
  parseOrFail,
  requestEnvelopeSchema,
  type Actor,
  type MessagePattern,
  type ParsedRequestOf,
  type ResponseOf,
} from '@convergences/contracts';
import { Logger } from '@nestjs/common';
import { MessagePattern as NestMessagePattern, RpcException } from '@nestjs/microservices';

/** What a handler learns about the request besides its body. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  idempotencyKey?: string;
}

type Handler<P extends MessagePattern> = (
  body: ParsedRequestOf<P>,
  context: RequestContext,
) => Promise<ResponseOf<P>> | ResponseOf<P>;

/** The little of a logger handlers need. */
export interface HandlerLogger {
  error(bindings: object, message: string): void;
  debug(bindings: object, message: string): void;
}

let logger: HandlerLogger = {
  error: (bindings, message) => new Logger('Handles').error(message, JSON.stringify(bindings)),
  debug: () => undefined,
};

/** Sets the logger every handler reports to (the service's pino logger). */
export function setHandlerLogger(handlerLogger: HandlerLogger): void {
  logger = handlerLogger;
}

/**
 * Marks a method as the handler of a message pattern: the envelope and body are parsed with the
 * pattern's contract, and any failure crosses NATS as a typed domain error.
 */
export function Handles<P extends MessagePattern>(pattern: P) {
  return <M extends Handler<P>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => {
    const original = descriptor.value!;
    const wrapped = async function (this: unknown, raw: unknown) {
      const startedAt = performance.now();
      const requestId = (raw as { requestId?: unknown })?.requestId;
      try {
        const envelope = parseOrFail(requestEnvelopeSchema, raw, 'request envelope');
        const body = parseOrFail(messages[pattern].request, envelope.body, 'request') as ParsedRequestOf<P>;
        return await original.call(this, body, {
          actor: envelope.actor,
          requestId: envelope.requestId,
          idempotencyKey: envelope.idempotencyKey,
        });
      } catch (error) {
        throw asRpcException(error, pattern, requestId);
      } finally {
        logger.debug({ pattern, requestId, ms: Math.round(performance.now() - startedAt) }, 'handled');
      }
    };
    Object.defineProperty(wrapped, 'name', { value: String(key) });
    descriptor.value = wrapped as unknown as M;
    NestMessagePattern(pattern)(target, key, descriptor);
    return descriptor;
  };
}

function asRpcException(error: unknown, pattern: string, requestId: unknown): RpcException {
  if (error instanceof DomainError) return new RpcException(error.toPayload());
  logger.error({ pattern, requestId, err: error }, 'unexpected failure');
  return new RpcException({ code: 'internal', message: 'An unexpected error occurred.' });
}
