import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from './migrations/index.js';

const staticProvider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies every pending migration from the static list in `migrations/index.ts`; throws
 * with the failing migration's name when one fails (that migration is rolled back).
 *
 * @example
 * await migrateToLatest(database.db);
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  if (await everyMigrationApplied(db)) return;
  // Numbers are reserved per capability and branches land in any order: a lower number may arrive later.
  const migrator = new Migrator({ db, provider: staticProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === 'Error');
  const cause = error instanceof Error ? error.message : String(error);
  throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
}

/** One cheap query instead of the Migrator's lock dance when nothing is pending (fast restarts). */
async function everyMigrationApplied<DB>(db: Kysely<DB>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((row) => row.name));
    return Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    return false;
  }
}
