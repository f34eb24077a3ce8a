import type { FastifyError, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { problemCodeForStatus } from './problems.js';
import { fieldErrors } from './validation-errors.js';

const genericServerDetail = 'An unexpected error occurred. Quote the request id when reporting it.';

/**
 * Maps any thrown error to the {@link ApiError} the client sees: our own errors pass as they
 * are, Fastify's (schema validation, body parsing, plugins' 4xx) get their problem code, and
 * everything else becomes a 500 with a generic detail (the real error is only logged).
 *
 * @example
 * const problem = toApiError(error, request);
 */
export function toApiError(error: unknown, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) return validationError(fastifyError as FastifyError, request);
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the limit of ${request.routeOptions.bodyLimit} bytes`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', unsupportedMediaDetail(request));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('BAD_REQUEST', 'The request body size does not match its Content-Length');
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return new ApiError(problemCodeForStatus(status), fastifyError.message, { cause: error });
  }
  const code = status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR';
  return new ApiError(code, genericServerDetail, { cause: error });
}

function validationError(error: FastifyError, request: FastifyRequest): ApiError {
  const errors = fieldErrors(error.validation ?? []);
  if (error.validationContext !== 'body') {
    return new ApiError('INVALID_REQUEST', `The request ${partName(error.validationContext)} is invalid`, { errors });
  }
  if (request.body === undefined || request.body === null) {
    return new ApiError('BAD_REQUEST', 'A JSON request body is required');
  }
  return new ApiError('VALIDATION_FAILED', `The request body has ${countable(errors.length, 'error')}`, { errors });
}

function partName(context: string | undefined): string {
  if (context === 'querystring') return 'query string';
  if (context === 'params') return 'path parameters';
  return context ?? 'parameters';
}

function unsupportedMediaDetail(request: FastifyRequest): string {
  const sent = request.headers['content-type'];
  return sent
    ? `Content-Type ${sent} is not accepted here; send application/json`
    : 'A Content-Type header is required; send application/json';
}

function countable(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
