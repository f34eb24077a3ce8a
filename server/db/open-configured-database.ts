import { loadConfig } from '../config.js';
import { createDatabase, type DatabaseHandle } from './create-database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Opens and migrates the database the environment configures (DATABASE_URL, or the embedded
 * store in DATA_DIR, whose lock keeps a command from running beside a server on the same data).
 * For commands: seed, imports, verifications.
 *
 * @example
 * const database = await openConfiguredDatabase(process.env);
 * try { … } finally { await database.close(); }
 */
export async function openConfiguredDatabase(env: Record<string, string | undefined>): Promise<DatabaseHandle> {
  const database = await createDatabase(loadConfig(env));
  try {
    await migrateToLatest(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
