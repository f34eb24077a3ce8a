import { Kysely, PostgresDialect } from 'kysely';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildApp } from '../../server/app.js';
import { databaseHandle } from '../../server/db/create-database.js';
import type { Database } from '../../server/db/database.js';
import { openPostgresPool } from '../../server/db/postgres-engine.js';
import { assertProblem } from '../support/problem-assertions.js';
import { buildTestApp, testConfig, testEngine } from '../support/test-app.js';

const app = await buildTestApp();
test.after(() => app.close());

test(`GET /api/health answers ok after a real query on ${testEngine}`, async () => {
  const response = await app.inject({ method: 'GET', url: '/api/health' });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json<Record<string, unknown>>();
  assert.equal(Object.keys(body).sort(), ['database', 'engine', 'status', 'version']);
  assert.is(body.status, 'ok');
  assert.is(body.database, 'ok');
  assert.is(body.engine, testEngine);
  assert.match(String(body.version), /^\d+\.\d+\.\d+/);
});

test('HEAD /api/health answers like GET without a body', async () => {
  const response = await app.inject({ method: 'HEAD', url: '/api/health' });
  assert.is(response.statusCode, 200);
  assert.is(response.body, '');
});

test('a database that does not answer makes health a 503 problem', async () => {
  const unreachable = openPostgresPool('postgres://root@127.0.0.1:1/nowhere', 1, true);
  const database = databaseHandle(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool: unreachable }) }),
    'postgres',
  );
  const broken = await buildApp({ config: testConfig, database, knowledgeFolders: false });
  try {
    const response = await broken.inject({ method: 'GET', url: '/api/health' });
    const problem = assertProblem(response, 503, 'service-unavailable');
    assert.is(problem.detail, 'The database does not answer');
  } finally {
    await broken.close();
    await database.close();
  }
});

test.run();
