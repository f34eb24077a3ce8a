import type { FieldError } from '../http/api-error.js';
import { ApiError } from '../http/api-error.js';

/** Fields of a stored composition that only the server sets (docs/ehr.md, "What the server sets"). */
export const serverSetFields = ['uid', 'versionUid', 'ehrId', 'category', 'composer', 'committer', 'committedAt'];

/**
 * Takes the fields only the server sets out of a client's composition body. Each one present is
 * an error, except a `uid` equal to the composition being amended (`amending`); a different
 * `uid` there is a 409 conflict, thrown at once.
 *
 * @example
 * const { body, errors } = withoutServerSetFields({ uid: '…', template, context, content });
 * // errors: [{ path: '/uid', message: 'is set by the server and cannot be sent' }]
 */
export function withoutServerSetFields(
  sent: Record<string, unknown>,
  options: { amending?: string; pathPrefix?: string } = {},
): { body: Record<string, unknown>; errors: FieldError[] } {
  const prefix = options.pathPrefix ?? '';
  const body: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(sent)) {
    if (!serverSetFields.includes(key)) body[key] = value;
    else if (key === 'uid' && options.amending !== undefined) refuseOtherUid(value, options.amending, prefix);
    else errors.push({ path: `${prefix}/${key}`, message: 'is set by the server and cannot be sent' });
  }
  return { body, errors };
}

function refuseOtherUid(value: unknown, amending: string, prefix: string): void {
  if (typeof value === 'string' && value.toLowerCase() === amending.toLowerCase()) return;
  throw new ApiError('CONFLICT', `The body's uid does not match the composition being amended (${amending})`, {
    errors: [{ path: `${prefix}/uid`, message: `must be ${amending}, the composition being amended, or be left out` }],
  });
}
