import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { buildApp } from '../../server/app.js';
import { loadConfig, type Config, type LogLevel } from '../../server/config.js';
import { databaseHandle, type DatabaseHandle, type Engine } from '../../server/db/create-database.js';
import type { Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { openPglite } from '../../server/db/pglite-engine.js';
import { openPostgresPool } from '../../server/db/postgres-engine.js';

/** The engine API tests run on: `DOCSY_TEST_ENGINE` (`pglite`, the default, or `postgres`). */
export const testEngine: Engine = process.env.DOCSY_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/** Configuration for tests: port 0, quiet logs (`DOCSY_TEST_LOG_LEVEL` to see them), a random secret. */
export const testConfig: Config = {
  ...loadConfig({ PORT: '0', LOG_LEVEL: process.env.DOCSY_TEST_LOG_LEVEL ?? 'silent', DATA_DIR: '/nonexistent' }),
  logLevel: (process.env.DOCSY_TEST_LOG_LEVEL ?? 'silent') as LogLevel,
  jwtSecret: randomBytes(32).toString('hex'),
};

let shared: Promise<DatabaseHandle> | undefined;

/**
 * The migrated database every test file of this process shares (one in-memory PGlite, which
 * takes seconds to start, or the Postgres database the runner created:
 * `DOCSY_TEST_DATABASE_URL`). Tests isolate by creating fresh entities with random ids.
 *
 * @example
 * const { db } = await testDatabase();
 */
export function testDatabase(): Promise<DatabaseHandle> {
  shared ??= openTestDatabase();
  return shared;
}

async function openTestDatabase(): Promise<DatabaseHandle> {
  const database = testEngine === 'postgres' ? openTestPostgres() : await openTestPglite();
  await migrateToLatest(database.db);
  return database;
}

/**
 * A database of its own (in-memory PGlite, migrated), for a test that must start from an empty
 * database, e.g. to load the demo data set, rather than share the suite's.
 *
 * @example
 * const database = await separateTestDatabase();
 * const app = await buildApp({ config: testConfig, database });
 */
export async function separateTestDatabase(): Promise<DatabaseHandle> {
  const database = await openTestPglite();
  await migrateToLatest(database.db);
  return database;
}

async function openTestPglite(): Promise<DatabaseHandle> {
  const pglite = await openPglite(undefined);
  return databaseHandle(new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), 'pglite');
}

function openTestPostgres(): DatabaseHandle {
  const url = process.env.DOCSY_TEST_DATABASE_URL;
  if (!url)
    throw new Error('DOCSY_TEST_DATABASE_URL is not set; run the API tests through npm test (scripts/run-tests.ts)');
  const pool = openPostgresPool(url, 5, true);
  return databaseHandle(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}

/**
 * The Docsy app on the shared test database, not yet listening: use `app.inject`. A test may
 * add its own routes before the first request. Close it in the suite's `after` hook.
 *
 * @example
 * const app = await buildTestApp();
 * const response = await app.inject({ method: 'GET', url: '/api/health' });
 */
export async function buildTestApp(
  overrides: { config?: Partial<Config>; uiDir?: string } = {},
): Promise<FastifyInstance> {
  const database = await testDatabase();
  return buildApp({ config: { ...testConfig, ...overrides.config }, database, uiDir: overrides.uiDir });
}
