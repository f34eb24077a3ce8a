import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp({ config: { bodyLimit: 4096 } });

// Routes that exist only in this test, to exercise request validation and failures.
app.post(
  '/api/test/observations',
  {
    config: { public: true },
    schema: {
      body: {
        type: 'object',
        required: ['systolic', 'unit'],
        additionalProperties: false,
        properties: {
          systolic: { type: 'integer', minimum: 0, maximum: 1000 },
          unit: { type: 'string', enum: ['mm[Hg]'] },
          note: { type: 'string' },
        },
      },
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
      },
    },
  },
  async (request) => ({ received: request.body, query: request.query }),
);
app.get('/api/test/failure', { config: { public: true } }, async () => {
  throw new Error('connection string postgres://secret@db failed at internals');
});
test.after(() => app.close());

const json = { 'content-type': 'application/json' };

test('an unknown /api route is a 404 problem', async () => {
  const problem = assertProblem(await app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' }), 404, 'not-found');
  assert.is(problem.instance, '/api/no-such-thing');
  assert.is(problem.title, 'Not found');
});

test('a wrong method on an existing path is a 405 problem with Allow', async () => {
  const response = await app.inject({ method: 'DELETE', url: '/api/health' });
  assertProblem(response, 405, 'method-not-allowed');
  assert.is(response.headers.allow, 'GET, HEAD');
  const post = await app.inject({ method: 'GET', url: '/api/test/observations' });
  assertProblem(post, 405);
  assert.is(post.headers.allow, 'POST');
});

test('malformed JSON is a 400 problem', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/test/observations',
    headers: json,
    payload: '{"systolic": 12,',
  });
  const problem = assertProblem(response, 400, 'invalid-json');
  assert.match(problem.detail, 'not valid JSON');
});

test('an empty JSON body is a 400 problem', async () => {
  assertProblem(await app.inject({ method: 'POST', url: '/api/test/observations', headers: json, payload: '' }), 400);
});

test('a body that is not JSON is a 415 problem', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/test/observations',
    headers: { 'content-type': 'text/plain' },
    payload: 'systolic=120',
  });
  const problem = assertProblem(response, 415, 'unsupported-media-type');
  assert.match(problem.detail, 'text/plain');
});

test('a body over the limit is a 413 problem', async () => {
  const payload = JSON.stringify({ systolic: 120, unit: 'mm[Hg]', note: 'x'.repeat(5000) });
  const problem = assertProblem(
    await app.inject({ method: 'POST', url: '/api/test/observations', headers: json, payload }),
    413,
    'payload-too-large',
  );
  assert.match(problem.detail, '4096 bytes');
});

test('schema violations are a 422 problem naming every failing field by JSON Pointer', async () => {
  const payload = { systolic: 1200, unit: 'kPa', extra: true };
  const response = await app.inject({ method: 'POST', url: '/api/test/observations', payload });
  const problem = assertProblem(response, 422, 'validation-failed');
  assert.equal(
    [...(problem.errors ?? [])].sort((a, b) => a.path.localeCompare(b.path)),
    [
      { path: '/extra', message: 'is not an allowed field' },
      { path: '/systolic', message: 'must be <= 1000' },
      { path: '/unit', message: 'must be one of "mm[Hg]"' },
    ],
  );
});

test('a missing field is named; body values are not coerced ("12" is not a number)', async () => {
  const response = await app.inject({ method: 'POST', url: '/api/test/observations', payload: { systolic: '12' } });
  const problem = assertProblem(response, 422);
  assert.equal(problem.errors, [
    { path: '/unit', message: 'is required' },
    { path: '/systolic', message: 'must be integer' },
  ]);
});

test('query strings are coerced and defaulted; an invalid one is a 400 problem with the parameter path', async () => {
  const ok = await app.inject({
    method: 'POST',
    url: '/api/test/observations?limit=10',
    payload: { systolic: 120, unit: 'mm[Hg]' },
  });
  assert.is(ok.statusCode, 200);
  assert.equal(ok.json(), { received: { systolic: 120, unit: 'mm[Hg]' }, query: { limit: 10 } });
  const defaulted = await app.inject({
    method: 'POST',
    url: '/api/test/observations',
    payload: { systolic: 120, unit: 'mm[Hg]' },
  });
  assert.equal(defaulted.json<{ query: unknown }>().query, { limit: 50 });
  const bad = await app.inject({
    method: 'POST',
    url: '/api/test/observations?limit=zero',
    payload: { systolic: 1, unit: 'mm[Hg]' },
  });
  const problem = assertProblem(bad, 400, 'invalid-request');
  assert.equal(problem.errors, [{ path: '/limit', message: 'must be integer' }]);
});

test('an unexpected error is a 500 problem with a generic detail and no internals', async () => {
  const response = await app.inject({ method: 'GET', url: '/api/test/failure' });
  const problem = assertProblem(response, 500, 'internal-error');
  assert.not.match(response.body, 'secret');
  assert.not.match(response.body, 'internals');
  assert.match(problem.detail, 'request id');
});

test('every response carries x-request-id; a safe incoming id is honoured, an unsafe one replaced', async () => {
  const honoured = await app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'lb-1234.abc' } });
  assert.is(honoured.headers['x-request-id'], 'lb-1234.abc');
  assert.is(assertProblem(honoured, 404).requestId, 'lb-1234.abc');
  const replaced = await app.inject({
    method: 'GET',
    url: '/api/health',
    headers: { 'x-request-id': 'bad id<script>' },
  });
  assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test.run();
