import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());

interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

test('/docs/openapi.json is OpenAPI 3.1 generated from the route schemas', async () => {
  const response = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
  assert.is(response.statusCode, 200);
  const document = response.json<OpenApi>();
  assert.is(document.openapi, '3.1.0');
  assert.is(document.info.title, 'Docsy API');
  const health = document.paths['/api/health']?.get;
  assert.ok(health, '/api/health is documented');
  assert.ok(health.responses['200']);
  assert.ok(health.responses['503'], 'the 503 problem is documented');
  assert.ok(document.components.schemas.Problem, 'the Problem schema is a shared component');
  assert.is(document.paths['/docs/openapi.json'], undefined, 'the document does not list itself');
});

test('/docs serves the browsable API page with its own CSP', async () => {
  const response = await app.inject({ method: 'GET', url: '/docs/' });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), 'text/html');
  assert.match(response.body, 'swagger-ui');
  assert.not.match(String(response.headers['content-security-policy']), 'upgrade-insecure-requests');
});

test.run();
