import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { projectPath } from '../../server/project-root.js';
import { asAdmin, databaseUrl } from '../test-runner/throwaway-database.js';
import type { DataSetSize } from './data-set-plan.js';
import { loadDataSet } from './load-data-set.js';
import { benchTemplates } from './synthetic-compositions.js';

const prefix = 'docsy_bench_data_';

/** The generator's own files: a change to any of them makes a new data set. */
const generatorFiles = [
  'audit-chain-rows.ts',
  'bulk-insert.ts',
  'data-set-plan.ts',
  'ehr-history-rows.ts',
  'history-writer.ts',
  'load-data-set.ts',
  'shipped-knowledge.ts',
  'synthetic-compositions.ts',
  'template-examples.ts',
].map((file) => projectPath('scripts', 'bench', file));

/**
 * The name of the database that keeps a data set of `size` between runs:
 * `docsy_bench_data_<hash>_<compositions>`, the hash covering the generator's code and the
 * templates its documents come from.
 *
 * @example
 * dataSetDatabaseName(quickDataSet); // 'docsy_bench_data_3f9c0e1a2b_20000'
 */
export function dataSetDatabaseName(size: DataSetSize): string {
  const hash = createHash('sha256');
  const templates = benchTemplates.map(({ id }) => projectPath('templates', `${id}.json`));
  for (const file of [...generatorFiles, ...templates]) hash.update(file).update(readFileSync(file));
  return `${prefix}${hash.digest('hex').slice(0, 10)}_${size.compositions}`;
}

/**
 * The SHA-256 of each migration file, by migration name: a data set records those it was built
 * with, and is rebuilt when one of them has changed or is gone since. Migrations added later are
 * applied to the copy when the server starts on it, as on any existing database.
 *
 * @example
 * migrationHashes()['0050-audit']; // 'c0ffee…'
 */
export function migrationHashes(): Record<string, string> {
  const folder = projectPath('server', 'db', 'migrations');
  const files = readdirSync(folder).filter((file) => /^\d{4}-.+\.ts$/.test(file));
  return Object.fromEntries(
    files.map((file) => [
      file.replace(/\.ts$/, ''),
      createHash('sha256')
        .update(readFileSync(`${folder}/${file}`))
        .digest('hex'),
    ]),
  );
}

/**
 * The database holding the data set of `size`, built first when missing or when a migration it
 * was built with has changed (into `…_building`, renamed when complete, so an interrupted build
 * is never used). Older data sets of the same size are dropped. The benchmark copies it
 * (`create database … template …`) and never writes to it.
 *
 * @example
 * const template = await ensureDataSetDatabase(quickDataSet, console.error);
 */
export async function ensureDataSetDatabase(size: DataSetSize, log: (line: string) => void): Promise<string> {
  const name = dataSetDatabaseName(size);
  const existing = await asAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${prefix}%`,
    ]);
    return rows.map((row) => row.datname);
  });
  const changed = existing.includes(name) ? await changedMigrations(name) : [];
  if (existing.includes(name) && changed.length === 0) return name;
  if (changed.length > 0) log(`the data set ${name} was built with other migrations (${changed.join(', ')})`);
  // Only this size's: another size may be building in another run right now.
  const stale = existing.filter((other) => other.endsWith(`_${size.compositions}`) || other === `${name}_building`);
  for (const other of stale) await asAdmin((client) => client.query(`drop database if exists ${other} with (force)`));
  const building = `${name}_building`;
  log(`building the data set ${name} (${size.compositions} compositions in ${size.ehrs} EHRs; kept for later runs)`);
  await asAdmin((client) => client.query(`create database ${building}`));
  const url = await databaseUrl(building);
  await loadDataSet(url, size, log);
  await withClient(url, (client) =>
    client.query('create table bench_data_set_migrations as select * from jsonb_each_text($1::jsonb)', [
      JSON.stringify(migrationHashes()),
    ]),
  );
  await asAdmin((client) => client.query(`alter database ${building} rename to ${name}`));
  return name;
}

/** The migrations the data set was built with whose file has changed or is gone since. */
async function changedMigrations(name: string): Promise<string[]> {
  const now = migrationHashes();
  const { rows } = await withClient(await databaseUrl(name), (client) =>
    client.query<{ key: string; value: string }>('select key, value from bench_data_set_migrations'),
  );
  return rows.filter((row) => now[row.key] !== row.value).map((row) => row.key);
}

/**
 * Runs `work` on a fresh connection to `url`, closed afterwards.
 *
 * @example
 * const rows = await withClient(url, async (client) => (await client.query('select 1')).rows);
 */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
