import { DomainError } from '@convergences/contracts';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import type { GatewayRequest } from '../auth/request-context';
import { problemOf, type Problem } from './problem';

const httpCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Answers every failure as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<GatewayRequest>();
    const response = http.getResponse<Response>();
    const context = { instance: request.originalUrl, requestId: request.id };
    const problem = this.toProblem(exception, context);
    if (problem.status >= 500 && problem.code !== 'service_unavailable') {
      this.logger.error(
        `${request.method} ${request.originalUrl} failed [${request.id}]: ${(exception as Error)?.stack ?? exception}`,
      );
    }
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="convergences"');
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, context: Pick<Problem, 'instance' | 'requestId'>): Problem {
    if (exception instanceof DomainError) {
      return problemOf(exception.code, exception.message, {
        ...context,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      });
    }
    if (exception instanceof ThrottlerException) {
      return problemOf('rate_limited', 'Too many requests: slow down and retry later.', context);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = httpCodes[status] ?? (status >= 500 ? 'internal' : 'bad_request');
      return problemOf(code, exception.message, context, status);
    }
    return problemOf('internal', 'An unexpected error occurred.', context);
  }
}
