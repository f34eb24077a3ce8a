import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Session } from '../../../ui/src/app/session.js';
import { storedTokensKey } from '../../../ui/src/app/stored-tokens.js';

/** A Storage in memory, as the browser's sessionStorage behaves. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

const user = { id: 'u1', email: 'a@example.org', name: 'Ann', roles: ['doctor'], status: 'active', calendarUrl: '/c' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake server: valid access tokens `at-N`, refresh tokens `rt-N` usable once. */
function fakeServer(options: { refreshWorks?: boolean } = {}) {
  let issued = 0;
  const calls: string[] = [];
  const valid = new Set<string>();
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const authorization = new Headers(init.headers).get('authorization') ?? '';
    calls.push(`${init.method ?? 'GET'} ${url} ${authorization}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (url === '/api/auth/login' || url === '/api/auth/refresh') {
      if (url === '/api/auth/refresh') {
        const { refreshToken } = JSON.parse(String(init.body)) as { refreshToken: string };
        if (!options.refreshWorks || !valid.delete(refreshToken)) return json(401, { title: 'Unauthorized' });
      }
      issued += 1;
      valid.add(`rt-${issued}`);
      valid.add(`at-${issued}`);
      return json(200, { accessToken: `at-${issued}`, refreshToken: `rt-${issued}`, expiresIn: 900, user });
    }
    if (!valid.has(authorization.replace('Bearer ', ''))) return json(401, { title: 'Unauthorized' });
    return json(200, url === '/api/me' ? user : { items: [] });
  };
  return { fetch, calls, revoke: (token: string) => valid.delete(token) };
}

test('a 401 is answered by one refresh and the call is repeated with the new token', async () => {
  const server = fakeServer({ refreshWorks: true });
  const storage = new MemoryStorage();
  const session = new Session({ storage, fetch: server.fetch });
  await session.signIn('a@example.org', 'pw');
  server.revoke('at-1');
  const answers = await Promise.all([session.fetch('/api/me'), session.fetch('/api/templates')]);
  assert.equal(
    answers.map((answer) => answer.status),
    [200, 200],
  );
  assert.is(server.calls.filter((call) => call.startsWith('POST /api/auth/refresh')).length, 1, 'one refresh shared');
  assert.is(session.accessToken, 'at-2');
  assert.match(String(storage.getItem(storedTokensKey)), '"refreshToken":"rt-2"');
});

test('a refresh that fails ends the session: tokens forgotten, `change` says expired', async () => {
  const server = fakeServer({ refreshWorks: false });
  const storage = new MemoryStorage();
  const session = new Session({ storage, fetch: server.fetch });
  await session.signIn('a@example.org', 'pw');
  const ends: unknown[] = [];
  session.addEventListener('change', (event) => ends.push((event as CustomEvent).detail));
  server.revoke('at-1');
  const answer = await session.fetch('/api/me');
  assert.is(answer.status, 401);
  assert.equal(ends, ['expired']);
  assert.is(session.account, undefined);
  assert.is(storage.getItem(storedTokensKey), null);
});

test('a stored access token about to expire is refreshed before the page asks for the account', async () => {
  const server = fakeServer({ refreshWorks: true });
  const storage = new MemoryStorage();
  const first = new Session({ storage, fetch: server.fetch });
  await first.signIn('a@example.org', 'pw');
  const stored = JSON.parse(storage.getItem(storedTokensKey)!) as { expiresAt: number };
  storage.setItem(storedTokensKey, JSON.stringify({ ...stored, expiresAt: Date.now() + 5_000 }));
  const reloaded = new Session({ storage, fetch: server.fetch });
  const account = await reloaded.restore();
  assert.is(account?.name, 'Ann');
  assert.is(reloaded.accessToken, 'at-2');
  assert.ok(server.calls.some((call) => call.startsWith('GET /api/me Bearer at-2')));
});

test('signing out forgets the tokens and tells the server', async () => {
  const server = fakeServer({ refreshWorks: true });
  const storage = new MemoryStorage();
  const session = new Session({ storage, fetch: server.fetch });
  await session.signIn('a@example.org', 'pw');
  await session.signOut();
  assert.is(session.accessToken, undefined);
  assert.is(storage.getItem(storedTokensKey), null);
  assert.ok(server.calls.some((call) => call === 'POST /api/auth/logout Bearer at-1'));
});

test.run();
