import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { AllowedMethods } from './allowed-methods.js';
import { ApiError } from './api-error.js';
import { toApiError } from './fastify-errors.js';
import { problemSchema } from './problem-schema.js';
import { problemType } from './problems.js';

export interface ProblemHandlingOptions {
  /**
   * Answers a request no route matched before it becomes a 404 problem (the UI's page
   * fallback); returns false when it does not apply.
   */
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
}

/**
 * Makes every error an RFC 9457 problem: the error handler, the 404/405 handler, the shared
 * `Problem#` schema, and the `x-request-id` response header. Register it before any route.
 *
 * @example
 * await app.register(problemHandling, { fallback: serveUiPage });
 */
export const problemHandling = fastifyPlugin<ProblemHandlingOptions>(
  async (app: FastifyInstance, options) => {
    const allowed = new AllowedMethods();
    app.addSchema(problemSchema);
    app.addHook('onRoute', (route) => allowed.add(route.method, route.url));
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
      // Fastify's own 503 while closing is not a problem document; answer it here instead.
      if (closing) {
        const problem = new ApiError('SERVICE_UNAVAILABLE', 'The server is shutting down; try again', {
          headers: { connection: 'close' },
        });
        return sendProblem(reply, request, problem);
      }
    });

    app.setErrorHandler(async (error, request, reply) => {
      const problem = toApiError(error, request);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ problem: problem.code, status: problem.status }, problem.detail);
      return sendProblem(reply, request, problem);
    });

    app.setNotFoundHandler(async (request, reply) => {
      const methods = allowed.for(request.url);
      if (methods.length > 0) {
        const detail = `${request.method} is not allowed on ${pathOf(request)}; use ${methods.join(', ')}`;
        return sendProblem(
          reply,
          request,
          new ApiError('METHOD_NOT_ALLOWED', detail, { headers: { allow: methods.join(', ') } }),
        );
      }
      if (options.fallback && (await options.fallback(request, reply))) return reply;
      return sendProblem(reply, request, new ApiError('NOT_FOUND', `No resource at ${pathOf(request)}`));
    });
  },
  { name: 'docsy-problem-handling' },
);

/**
 * Sends an {@link ApiError} as `application/problem+json`, with its headers and the request id.
 *
 * @example
 * return sendProblem(reply, request, new ApiError('NOT_FOUND'));
 */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: ApiError): FastifyReply {
  return reply
    .code(problem.status)
    .header('x-request-id', request.id)
    .headers(problem.headers)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: problemType(problem.code),
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: pathOf(request),
      requestId: request.id,
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '/';
}
