import { DomainError } from '@convergences/contracts';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Parses JSON bodies within the size limit, turning parser failures into problems. */
export function jsonBodyMiddleware(limit: string): new () => NestMiddleware {
  const parse = express.json({ limit, type: ['application/json', 'application/*+json'] });

  @Injectable()
  class JsonBodyMiddleware implements NestMiddleware {
    async use(request: Request, response: Response, next: NextFunction): Promise<void> {
      await new Promise<void>((resolve, reject) =>
        parse(request, response, (error?: unknown) => (error ? reject(error) : resolve())),
      ).catch((error: { type?: string; limit?: number }) => {
        if (error.type === 'entity.too.large') {
          throw new DomainError('payload_too_large', `The request body is larger than ${limit}.`);
        }
        if (error.type === 'entity.parse.failed')
          throw new DomainError('bad_request', 'The request body is not valid JSON.');
        throw new DomainError('bad_request', 'The request body could not be read.');
      });
      next();
    }
  }
  return JsonBodyMiddleware;
}
