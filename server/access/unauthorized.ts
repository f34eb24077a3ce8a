import { ApiError } from '../http/api-error.js';

/**
 * A 401 problem with the `WWW-Authenticate` challenge RFC 6750 asks for; `invalid_token` when
 * the request carried a token that did not pass.
 *
 * @example
 * throw unauthorized('The access token has expired; refresh it', 'invalid_token');
 */
export function unauthorized(detail: string, error?: 'invalid_token'): ApiError {
  const challenge = error ? `Bearer realm="docsy", error="${error}"` : 'Bearer realm="docsy"';
  return new ApiError('UNAUTHORIZED', detail, { headers: { 'www-authenticate': challenge } });
}
