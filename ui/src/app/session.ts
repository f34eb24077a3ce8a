import { ApiProblem, DocsyApi } from '../api.js';
import type { Account } from './account.js';
import { clearStoredTokens, readStoredTokens, storeTokens, type StoredTokens } from './stored-tokens.js';

/** What `POST /api/auth/login` and `/refresh` answer (docs/access.md, "Tokens"). */
interface SignInAnswer {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: Account;
}

/** Why a session ended: the user signed out, or the server no longer accepts its tokens. */
export type SessionEnd = 'signed-out' | 'expired';

/** Refresh this long before the access token expires (it lives 15 minutes). */
const refreshMargin = 60_000;

/**
 * The signed-in state of this browser tab: the account, its access token (sent on every API
 * call) and its single-use refresh token, kept in memory and in `sessionStorage` (docs/ui.md,
 * "Signed-in state"). The access token is refreshed a minute before it expires, and once more
 * when the server answers 401; when that refresh fails the session ends and `change` fires.
 *
 * @fires change - the account signed in, changed or signed out (`detail`: the {@link SessionEnd} on an end)
 * @example
 * const session = new Session();
 * const api = new DocsyApi({ token: () => session.accessToken, fetch: session.fetch });
 * await session.restore();
 * if (!session.account) await session.signIn(email, password);
 */
export class Session extends EventTarget {
  #tokens: StoredTokens | undefined;
  #account: Account | undefined;
  #refreshing: Promise<boolean> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #baseFetch: typeof fetch;
  readonly #auth: DocsyApi;
  readonly #storage: Storage;

  constructor(options: { storage?: Storage; fetch?: typeof fetch } = {}) {
    super();
    this.#storage = options.storage ?? sessionStorage;
    this.#baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#auth = new DocsyApi({ fetch: this.#baseFetch });
  }

  /** The signed-in account, or undefined. */
  get account(): Account | undefined {
    return this.#account;
  }

  get accessToken(): string | undefined {
    return this.#tokens?.accessToken;
  }

  /**
   * Picks up the session this tab had before a reload: the stored tokens, refreshed when the
   * access token has expired, and the account from `GET /api/me`. Ends quietly when they no
   * longer work.
   */
  async restore(): Promise<Account | undefined> {
    const stored = readStoredTokens(this.#storage);
    if (!stored) return undefined;
    this.#tokens = stored;
    try {
      if (stored.expiresAt - Date.now() < refreshMargin && !(await this.#refresh())) return undefined;
      const api = new DocsyApi({ token: () => this.accessToken, fetch: this.fetch });
      this.#account = await api.json<Account>('GET', '/api/me');
      this.#schedule();
      this.#changed();
      return this.#account;
    } catch {
      this.#clear();
      return undefined;
    }
  }

  /** Signs in (throws the `ApiProblem` of a refusal: 401, 403 for a pending account, 429). */
  async signIn(email: string, password: string): Promise<Account> {
    const answer = await this.#auth.json<SignInAnswer>('POST', '/api/auth/login', { body: { email, password } });
    this.#accept(answer);
    return answer.user;
  }

  /** Reads the account again (`GET /api/me`), after its roles or status may have changed. */
  async reload(api: DocsyApi): Promise<void> {
    this.#account = await api.json<Account>('GET', '/api/me');
    this.#changed();
  }

  /** Signs out: the server ends the session (best effort), and this tab forgets it. */
  async signOut(): Promise<void> {
    const token = this.accessToken;
    this.#clear();
    this.#changed('signed-out');
    if (!token) return;
    await this.#baseFetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(
      () => undefined,
    );
  }

  /**
   * `fetch` for the API client: sends the current access token, refreshing it first when it is
   * about to expire, and once more after a 401. Authentication calls pass through unchanged.
   */
  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (!this.#tokens || url.includes('/api/auth/')) return this.#baseFetch(input, init);
    if (this.#tokens.expiresAt - Date.now() < refreshMargin / 2) await this.#refresh();
    const response = await this.#baseFetch(input, withToken(init, this.accessToken));
    if (response.status !== 401 || !this.#tokens) return response;
    if (!(await this.#refresh())) return response;
    return this.#baseFetch(input, withToken(init, this.accessToken));
  };

  /** One refresh at a time: callers that need one while it runs share its outcome. */
  #refresh(): Promise<boolean> {
    this.#refreshing ??= this.#exchange().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #exchange(): Promise<boolean> {
    const refreshToken = this.#tokens?.refreshToken;
    if (!refreshToken) return false;
    try {
      this.#accept(await this.#auth.json<SignInAnswer>('POST', '/api/auth/refresh', { body: { refreshToken } }));
      return true;
    } catch (error) {
      // The server cannot be reached: keep the tokens, the next call tries again.
      if (error instanceof ApiProblem && error.status === 0) return false;
      this.#clear();
      this.#changed('expired');
      return false;
    }
  }

  #accept(answer: SignInAnswer): void {
    this.#tokens = {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
    };
    storeTokens(this.#storage, this.#tokens);
    const changed = this.#account?.id !== answer.user.id;
    this.#account = answer.user;
    this.#schedule();
    if (changed) this.#changed();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#tokens) return;
    const delay = Math.max(this.#tokens.expiresAt - Date.now() - refreshMargin, 1000);
    this.#timer = setTimeout(() => void this.#refresh(), delay);
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#tokens = undefined;
    this.#account = undefined;
    clearStoredTokens(this.#storage);
  }

  #changed(end?: SessionEnd): void {
    this.dispatchEvent(new CustomEvent('change', { detail: end }));
  }
}

function withToken(init: RequestInit, token: string | undefined): RequestInit {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}
