import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of a request: the caller's `x-request-id` when it is a short safe token (so a load
 * balancer's id follows the request through the logs), otherwise a new UUID.
 *
 * @example
 * Fastify({ genReqId: requestIdOf });
 */
export function requestIdOf(request: IncomingMessage): string {
  const offered = request.headers['x-request-id'];
  return typeof offered === 'string' && acceptableRequestId.test(offered) ? offered : randomUUID();
}
