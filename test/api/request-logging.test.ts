import { pino } from 'pino';
import { Writable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../server/app.js';
import { loggerOptions } from '../../server/http/logger-options.js';
import { testConfig, testDatabase } from '../support/test-app.js';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const app = await buildApp({
  config: testConfig,
  database: await testDatabase(),
  logger: pino(loggerOptions('info'), sink),
});
app.post('/api/test/notes', { config: { public: true }, schema: { body: { type: 'object' } } }, async (request) => {
  request.log.info({ headers: request.headers }, 'handler saw the headers');
  throw new Error('boom');
});
test.after(() => app.close());

test('log lines carry the request id; bodies, query strings and credentials never appear', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/test/notes?q=Ann%20Patient',
    headers: {
      authorization: 'Bearer top-secret-token',
      cookie: 'session=cookie-secret',
      'x-request-id': 'log-test-1',
    },
    payload: { note: 'patient body text' },
  });
  assert.is(response.statusCode, 500);
  const ours = lines.filter((line) => line.requestId === 'log-test-1');
  assert.ok(ours.length >= 3, 'incoming, handler, error and completion lines carry the request id');
  const text = JSON.stringify(lines);
  for (const secret of ['top-secret-token', 'cookie-secret', 'patient body text', 'Ann']) {
    assert.not.match(text, secret, `${secret} is not logged`);
  }
  assert.ok(
    ours.some((line) => (line.err as { message?: string } | undefined)?.message === 'boom'),
    'the 500 is logged with its error',
  );
});

test.run();
