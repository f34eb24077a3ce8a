/** Kysely's own bookkeeping of applied migrations (created by the Migrator). */
export interface KyselyMigrationTable {
  name: string;
  timestamp: string;
}

/** Tables that exist before any capability adds its own. */
export interface FoundationTables {
  kysely_migration: KyselyMigrationTable;
}
