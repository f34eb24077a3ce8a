import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Config } from '../config.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { Database } from './database.js';
import { openPglite, pgliteDirectory } from './pglite-engine.js';
import { openPostgresPool } from './postgres-engine.js';

export type Engine = 'pglite' | 'postgres';

/** An open database: the Kysely instance, which engine serves it, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Closes connections (and, for PGlite, the store and its directory lock). Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names: Postgres when `databaseUrl` is set, otherwise
 * the embedded PGlite store in `DATA_DIR/pg`, guarded by the directory lock. Does not migrate;
 * see `migrateToLatest`.
 *
 * @example
 * const database = await createDatabase(config);
 * await database.db.selectFrom('kysely_migration').selectAll().execute();
 * await database.close();
 */
export async function createDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'>,
): Promise<DatabaseHandle> {
  if (config.databaseUrl !== undefined) {
    const pool = openPostgresPool(config.databaseUrl, config.dbPoolSize);
    return databaseHandle(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const pglite = await openPglite(pgliteDirectory(config.dataDir));
    return databaseHandle(new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), 'pglite', () =>
      lock.release(),
    );
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an open Kysely instance; `afterClose` runs once the connections are gone. */
export function databaseHandle(
  db: Kysely<Database>,
  engine: Engine,
  afterClose: () => void = () => {},
): DatabaseHandle {
  let closing: Promise<void> | undefined;
  return {
    db,
    engine,
    close() {
      closing ??= db.destroy().finally(afterClose);
      return closing;
    },
  };
}
