import type { FastifyInstance } from 'fastify';
import { CalendarTokens } from './access/calendar-token.js';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createDatabase, type DatabaseHandle } from './db/create-database.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareDemoData } from './demo/demo-startup.js';
import { provideJwtSecret } from './jwt-secret.js';
import { KnowledgeRegistry } from './knowledge/knowledge-registry.js';
import { StartupError } from './startup-error.js';

/**
 * Starts Docsy: configuration, database (migrated), HTTP server; closes everything on SIGINT
 * or SIGTERM. Errors an operator can fix are printed as one line and exit with code 1.
 * Importing this module starts the server (`node dist/server/main.js`, `scripts/start.js`).
 */
async function startServer(env: Record<string, string | undefined>): Promise<void> {
  let database: DatabaseHandle | undefined;
  try {
    const environment = loadConfig(env);
    database = await createDatabase(environment);
    const config = await provideJwtSecret(environment);
    await migrateToLatest(database.db);
    const app = await buildApp({ config, database });
    await prepareDemoData(config, demoLoadContext(config, database), app.log);
    const address = await app.listen({ port: config.port, host: config.host });
    closeOnSignals(app, database);
    console.log(`Docsy listening on ${address} (${describeDatabase(config)})`);
  } catch (error) {
    await database?.close().catch(() => {});
    failStartup(error);
  }
}

/** What the demo loader needs, after `buildApp` has published the shipped knowledge. */
function demoLoadContext(config: Config, database: DatabaseHandle) {
  return {
    db: database.db,
    registry: KnowledgeRegistry.open(database.db),
    systemId: config.systemId,
    calendar: new CalendarTokens(config.jwtSecret),
  };
}

function describeDatabase(config: Config): string {
  if (config.databaseUrl === undefined) return `embedded database at ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `Postgres at ${url.host}${url.pathname}`;
}

const shutdownGraceMs = 10_000;

function closeOnSignals(app: FastifyInstance, database: DatabaseHandle): void {
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    // A request that never ends must not keep the process alive.
    setTimeout(() => process.exit(1), shutdownGraceMs).unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // Repeated signals (a terminal and `tsx watch` both relay Ctrl-C) do not cut the close short.
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
}

function failStartup(error: unknown): never {
  if (error instanceof StartupError) {
    console.error(`docsy: ${error.message}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`docsy: failed to start: ${message.split('\n', 1)[0]}`);
    if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error);
  }
  process.exit(1);
}

await startServer(process.env);
