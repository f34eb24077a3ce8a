import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());

test('API responses carry the security headers', async () => {
  const { headers } = await app.inject({ method: 'GET', url: '/api/health' });
  assert.is(headers['x-content-type-options'], 'nosniff');
  assert.is(headers['referrer-policy'], 'no-referrer');
  assert.is(headers['cross-origin-opener-policy'], 'same-origin');
  const csp = String(headers['content-security-policy']);
  assert.match(csp, "default-src 'self'");
  assert.match(csp, "script-src 'self'");
  assert.match(csp, "object-src 'none'");
  assert.match(csp, "frame-ancestors 'none'");
  assert.not.match(csp, 'upgrade-insecure-requests');
  assert.not.match(csp, 'unsafe-inline');
});

test('problem responses carry them too', async () => {
  const { headers } = await app.inject({ method: 'GET', url: '/api/missing' });
  assert.is(headers['x-content-type-options'], 'nosniff');
  assert.ok(headers['content-security-policy']);
});

test('the server does not announce itself', async () => {
  const { headers } = await app.inject({ method: 'GET', url: '/api/health' });
  assert.is(headers['x-powered-by'], undefined);
  assert.is(headers.server, undefined);
});

test.run();
