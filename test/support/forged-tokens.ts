import { createHmac } from 'node:crypto';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT built by hand, to test what the server refuses: any header (e.g. `alg: none`), any
 * claims, signed with HS256 and `secret` (or unsigned when the header's `alg` is `none`).
 *
 * @example
 * forgeToken(testConfig.jwtSecret, { alg: 'HS256', typ: 'JWT' }, { ...claims, exp: 1 });
 */
export function forgeToken(secret: string, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const unsigned = `${part(header)}.${part(claims)}`;
  if (header.alg === 'none') return `${unsigned}.`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * The claims of a JWT, read without checking it.
 *
 * @example
 * const { sid, exp } = tokenClaims(doctor.token);
 */
export function tokenClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
