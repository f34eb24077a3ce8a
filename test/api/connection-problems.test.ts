import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertProblem } from '../support/problem-assertions.js';
import { rawExchange, rawResponses } from '../support/raw-http.js';
import { buildTestApp } from '../support/test-app.js';

test('a URL that cannot be decoded is a 400 problem', async () => {
  const app = await buildTestApp();
  assertProblem(await app.inject({ method: 'GET', url: '/api/%zz' }), 400, 'bad-request');
  await app.close();
});

test('malformed HTTP is answered with a problem document and the connection closed', async () => {
  const app = await buildTestApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const answer = await rawExchange(port, 'NONSENSE\r\n\r\n');
  await app.close();
  const [response] = rawResponses(answer);
  assert.match(String(response?.head), /^HTTP\/1\.1 400 /);
  assert.match(String(response?.head), /content-type: application\/problem\+json/i);
  assert.equal(Object.keys(response?.body as object).sort(), ['detail', 'requestId', 'status', 'title', 'type']);
});

test('while shutting down, in-flight requests finish and new ones get a 503 problem', async () => {
  const app = await buildTestApp();
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  app.get('/api/test/slow', { config: { public: true } }, async () => {
    await released;
    return { done: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const request = (path: string) => `GET ${path} HTTP/1.1\r\nHost: docsy\r\n\r\n`;
  let closed: Promise<undefined> | undefined;
  const answer = rawExchange(port, request('/api/test/slow'), (socket) => {
    setTimeout(() => {
      closed = app.close();
      // A request arriving on a busy keep-alive connection after the close began.
      setTimeout(() => socket.write(request('/api/health')), 50);
      setTimeout(release, 150);
    }, 100);
  });
  const [first, second] = rawResponses(await answer);
  await closed;
  assert.match(String(first?.head), /^HTTP\/1\.1 200 /);
  assert.equal(first?.body, { done: true });
  assert.match(String(second?.head), /^HTTP\/1\.1 503 /);
  assert.match(String(second?.head), /content-type: application\/problem\+json/i);
  assert.is((second?.body as { type: string }).type, 'https://docsy.dev/problems/service-unavailable');
});

test.run();
