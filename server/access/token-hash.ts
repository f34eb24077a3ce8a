import { createHash } from 'node:crypto';

/**
 * The SHA-256 (hex) under which a token is stored: used for calendar tokens and refresh tokens,
 * so a database copy holds no usable token.
 *
 * @example
 * await db.selectFrom('account').where('calendar_token_hash', '=', tokenHash(token));
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
