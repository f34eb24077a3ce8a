import { randomBytes, randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-log.js';
import { ApiError } from '../http/api-error.js';
import type { AccessContext } from './access-context.js';
import { tokenLifetimes } from './access-tokens.js';
import { findAccountByEmail, type AccountRow } from './account-repository.js';
import { accountView, type AccountView } from './account-view.js';
import type { AuthUser } from './auth-user.js';
import { countLoginAttempt, refundLoginAttempt } from './login-throttle.js';
import { decoyPasswordHash, verifyPassword } from './password-hashing.js';
import {
  findOpenSession,
  insertRefreshToken,
  insertSession,
  revokeSession,
  useRefreshToken,
} from './session-repository.js';
import { tokenHash } from './token-hash.js';
import { unauthorized } from './unauthorized.js';

/** What signing in and refreshing answer. */
export interface SignIn {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
  user: AccountView;
}

/**
 * Checks an email and password and opens a session. Wrong credentials are 401 (the same answer,
 * and the same scrypt work, whether or not the email has an account); a pending or disabled
 * account is 403; too many failures on the account or from the address are 429 with
 * `Retry-After` (see `login-throttle.ts`), checked before the password. Every attempt is an
 * audit event.
 *
 * @example
 * const { accessToken, refreshToken, user } = await login(context, { email, password }, request.ip);
 */
export async function login(
  context: AccessContext,
  credentials: { email: string; password: string },
  address?: string,
): Promise<SignIn> {
  const account = await findAccountByEmail(context.db, credentials.email);
  const wait = await countLoginAttempt(context.db, { address: address ?? 'unknown', account: account?.id });
  if (wait > 0) {
    await appendAuditEvent(context.db, {
      action: 'login',
      outcome: 'denied',
      actorId: account?.id,
      details: { reason: 'rate-limited' },
      address,
    });
    throw new ApiError('TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${wait} seconds`, {
      headers: { 'retry-after': String(wait) },
    });
  }
  const matches = await verifyPassword(credentials.password, account?.password_hash ?? (await decoyPasswordHash()));
  if (!account || !matches) {
    await appendAuditEvent(context.db, {
      action: 'login',
      outcome: 'failure',
      actorId: account?.id,
      details: { reason: account ? 'wrong-password' : 'unknown-email' },
      address,
    });
    throw unauthorized('The email or the password is wrong');
  }
  if (account.status !== 'active') {
    await appendAuditEvent(context.db, {
      action: 'login',
      outcome: 'denied',
      actorId: account.id,
      details: { reason: `account-${account.status}` },
      address,
    });
    throw new ApiError(
      'FORBIDDEN',
      account.status === 'pending'
        ? 'This account is waiting for an administrator to approve it'
        : 'This account is disabled; ask an administrator',
    );
  }
  return openSession(context, account, address);
}

async function openSession(context: AccessContext, account: AccountRow, address?: string): Promise<SignIn> {
  const sessionId = randomUUID();
  const refreshToken = newRefreshToken();
  await context.db.transaction().execute(async (trx) => {
    await refundLoginAttempt(trx, { address: address ?? 'unknown', account: account.id });
    await insertSession(trx, {
      id: sessionId,
      accountId: account.id,
      expiresAt: secondsFromNow(tokenLifetimes.sessionSeconds),
      refreshTokenHash: tokenHash(refreshToken),
      refreshExpiresAt: secondsFromNow(tokenLifetimes.refreshSeconds),
    });
    await appendAuditEvent(trx, {
      action: 'login',
      outcome: 'success',
      actorId: account.id,
      actorRole: account.roles.join(','),
      details: { session: sessionId },
      address,
    });
  });
  return signIn(context, account, sessionId, refreshToken);
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token. Each refresh token
 * works once: presenting one that was already used ends its whole session (someone else may
 * hold a copy), audited, and is 401 like an unknown or expired one.
 *
 * @example
 * const next = await refresh(context, body.refreshToken, request.ip);
 */
export async function refresh(context: AccessContext, refreshToken: string, address?: string): Promise<SignIn> {
  const result = await context.db.transaction().execute(async (trx) => {
    const use = await useRefreshToken(trx, tokenHash(refreshToken));
    if (use.outcome !== 'fresh') return use;
    const open = await findOpenSession(trx, use.sessionId);
    if (!open) return { outcome: 'ended' as const };
    const next = newRefreshToken();
    const expiresAt = new Date(
      Math.min(open.expiresAt.getTime(), secondsFromNow(tokenLifetimes.refreshSeconds).getTime()),
    );
    await insertRefreshToken(trx, use.sessionId, tokenHash(next), expiresAt);
    return { outcome: 'fresh' as const, account: open.account, sessionId: use.sessionId, next };
  });
  if (result.outcome === 'fresh') return signIn(context, result.account, result.sessionId, result.next);
  if (result.outcome === 'reused') {
    const accountId = await revokeSession(context.db, result.sessionId, 'refresh-token-reuse');
    await appendAuditEvent(context.db, {
      action: 'session.revoke',
      outcome: 'success',
      actorId: accountId,
      details: { session: result.sessionId, reason: 'refresh-token-reuse' },
      address,
    });
    throw unauthorized('This refresh token was already used, so its session has been ended; sign in again');
  }
  throw unauthorized('The refresh token is not valid, has expired or its session has ended; sign in again');
}

/**
 * Ends the user's session: its refresh tokens and every access token naming it stop working at
 * once.
 *
 * @example
 * await logout(context, request.user, request.ip);
 */
export async function logout(context: AccessContext, user: AuthUser, address?: string): Promise<void> {
  await revokeSession(context.db, user.sessionId, 'logout');
  await appendAuditEvent(context.db, {
    action: 'logout',
    outcome: 'success',
    actorId: user.id,
    actorRole: user.roles.join(','),
    details: { session: user.sessionId },
    address,
  });
}

function signIn(context: AccessContext, account: AccountRow, sessionId: string, refreshToken: string): SignIn {
  return {
    accessToken: context.signAccessToken({ sub: account.id, sid: sessionId, roles: account.roles }),
    refreshToken,
    expiresIn: tokenLifetimes.accessSeconds,
    user: accountView(context, account),
  };
}

/** An opaque refresh token: 256 random bits, never a JWT, so it cannot pass as an access token. */
function newRefreshToken(): string {
  return `rt_${randomBytes(32).toString('base64url')}`;
}

function secondsFromNow(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}
