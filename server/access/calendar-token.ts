import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The secret calendar feed URL of an account (`/api/calendar/{token}.ics`). The token is derived
 * (HMAC) from a key of the server's and a random per-account nonce; the database keeps the nonce
 * and the token's SHA-256 only, so a copy of the database alone reveals no feed URL. A new nonce
 * revokes the old URL. The key derives from `JWT_SECRET`: changing that secret changes every URL.
 */
export class CalendarTokens {
  readonly #key: Buffer;

  constructor(serverSecret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', serverSecret, 'docsy', 'calendar feed token', 32));
  }

  /**
   * The feed token of an account with its current nonce.
   *
   * @example
   * const token = tokens.token(account.id, account.calendarNonce);
   */
  token(accountId: string, nonce: string): string {
    return createHmac('sha256', this.#key).update(`${accountId}:${nonce}`).digest('base64url');
  }

  /** The feed's path for an account. */
  url(accountId: string, nonce: string): string {
    return `/api/calendar/${this.token(accountId, nonce)}.ics`;
  }
}

/**
 * A fresh random nonce for {@link CalendarTokens}.
 *
 * @example
 * const nonce = newCalendarNonce();
 */
export function newCalendarNonce(): string {
  return randomBytes(16).toString('base64url');
}
