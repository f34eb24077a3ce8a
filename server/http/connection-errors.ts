import type { FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError } from './api-error.js';
import { problemType, type ProblemCode } from './problems.js';

/**
 * Answers a request that Node.js could not even parse (malformed HTTP, headers too large, a
 * client too slow) with a problem document, then closes the connection. No route, request or
 * log context exists at that level, so the request id is new.
 *
 * @example
 * Fastify({ clientErrorHandler: answerConnectionError });
 */
export const answerConnectionError: NonNullable<FastifyServerOptions['clientErrorHandler']> = (
  error: Error & { code?: string },
  socket: Socket,
) => {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const problem = new ApiError(connectionProblem(error.code));
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: problemType(problem.code),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    requestId,
  });
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
};

function connectionProblem(code: string | undefined): ProblemCode {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  return 'BAD_REQUEST';
}
