import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config.js';

/**
 * Pino options for the server log: the request id on every line (Fastify adds it as
 * `requestId`), requests logged as method and path only (query strings can carry patient
 * names, bodies are never logged), and credentials redacted should a header ever be logged.
 *
 * @example
 * Fastify({ logger: loggerOptions('info') });
 */
export function loggerOptions(level: LogLevel): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, path: request.url.split('?', 1)[0] }),
    },
  };
}
