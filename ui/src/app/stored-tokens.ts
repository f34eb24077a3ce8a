/** The tokens of a signed-in tab, and when the access token expires (milliseconds since the epoch). */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

/** The `sessionStorage` key of this tab's tokens. */
export const storedTokensKey = 'docsy.session';

/**
 * The tokens a tab kept across a reload, or undefined when there are none (or they are not
 * readable as such).
 *
 * @example
 * const tokens = readStoredTokens(sessionStorage);
 */
export function readStoredTokens(storage: Storage): StoredTokens | undefined {
  try {
    const value = JSON.parse(storage.getItem(storedTokensKey) ?? 'null') as Partial<StoredTokens> | null;
    if (typeof value?.accessToken !== 'string' || typeof value.refreshToken !== 'string') return undefined;
    if (typeof value.expiresAt !== 'number') return undefined;
    return { accessToken: value.accessToken, refreshToken: value.refreshToken, expiresAt: value.expiresAt };
  } catch {
    return undefined;
  }
}

/**
 * Keeps a tab's tokens for a reload.
 *
 * @example
 * storeTokens(sessionStorage, { accessToken, refreshToken, expiresAt: Date.now() + 900_000 });
 */
export function storeTokens(storage: Storage, tokens: StoredTokens): void {
  storage.setItem(storedTokensKey, JSON.stringify(tokens));
}

/** Forgets a tab's tokens (sign-out, or a session the server ended). */
export function clearStoredTokens(storage: Storage): void {
  storage.removeItem(storedTokensKey);
}
