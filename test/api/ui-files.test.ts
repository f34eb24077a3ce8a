import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp } from '../support/test-app.js';

/** A built UI as Vite lays it out: index.html and hashed assets. */
function builtUi(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docsy-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Docsy</title><docsy-app></docsy-app>');
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log("docsy")');
  writeFileSync(join(dir, 'assets', 'worker-composition-validation.worker-Xy12.js'), 'self.onmessage = () => {}');
  return dir;
}

const app = await buildTestApp({ uiDir: builtUi() });
test.after(() => app.close());

const html = { accept: 'text/html,application/xhtml+xml' };

test('/ serves index.html, revalidated on every use', async () => {
  const response = await app.inject({ method: 'GET', url: '/', headers: html });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), 'text/html');
  assert.match(response.body, '<docsy-app>');
  assert.is(response.headers['cache-control'], 'no-cache');
});

test('hashed assets are cached for a year as immutable', async () => {
  const response = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), 'javascript');
  assert.is(response.headers['cache-control'], 'public, max-age=31536000, immutable');
});

test('worker scripts, and only they, may compile code (the form validator): their own policy', async () => {
  const worker = await app.inject({ method: 'GET', url: '/assets/worker-composition-validation.worker-Xy12.js' });
  assert.is(worker.statusCode, 200);
  assert.is(worker.headers['content-security-policy'], "default-src 'none'; script-src 'self' 'unsafe-eval'");
  const page = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
  assert.not.match(String(page.headers['content-security-policy']), 'unsafe-eval');
  const index = await app.inject({ method: 'GET', url: '/', headers: html });
  assert.not.match(String(index.headers['content-security-policy']), 'unsafe-eval');
});

test('a client-side route gets index.html when the browser asks for HTML', async () => {
  const response = await app.inject({ method: 'GET', url: '/patients/42?tab=allergies', headers: html });
  assert.is(response.statusCode, 200);
  assert.match(response.body, '<docsy-app>');
  assert.is(response.headers['cache-control'], 'no-cache');
});

test('outside HTML navigation, unknown paths stay 404 problems', async () => {
  assertProblem(await app.inject({ method: 'GET', url: '/patients/42', headers: { accept: 'application/json' } }), 404);
  assertProblem(await app.inject({ method: 'GET', url: '/assets/missing.js' }), 404);
  assertProblem(await app.inject({ method: 'GET', url: '/api/unknown', headers: html }), 404);
  assertProblem(await app.inject({ method: 'GET', url: '/docs/unknown', headers: html }), 404);
});

test('writing to a UI file is a 405 problem', async () => {
  const response = await app.inject({ method: 'POST', url: '/assets/index-Ab12Cd34.js', payload: {} });
  assertProblem(response, 405);
  assert.is(response.headers.allow, 'GET, HEAD');
});

test.run();
