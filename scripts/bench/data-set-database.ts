import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../server/project-root.js';
import { asAdmin, databaseUrl } from '../test-runner/throwaway-database.js';
import type { DataSetSize } from './data-set-plan.js';
import { loadDataSet } from './load-data-set.js';

const prefix = 'docsy_bench_data_';

/** What the stored data set depends on: the schema, the knowledge, and the generator itself. */
const sources = [
  ['server', 'db', 'migrations'],
  ['archetypes'],
  ['templates'],
  ['server', 'terminology', 'value-sets'],
  ...[
    'audit-chain-rows.ts',
    'bulk-insert.ts',
    'data-set-plan.ts',
    'ehr-history-rows.ts',
    'history-writer.ts',
    'load-data-set.ts',
    'shipped-knowledge.ts',
    'synthetic-compositions.ts',
    'template-examples.ts',
  ].map((file) => ['scripts', 'bench', file]),
];

/**
 * The name of the database that keeps a data set of `size` between runs:
 * `docsy_bench_data_<hash>_<compositions>`, where the hash covers the migrations, the knowledge
 * files and the generator's code, so any change to them makes a new one.
 *
 * @example
 * dataSetDatabaseName(quickDataSet); // 'docsy_bench_data_3f9c0e1a2b_20000'
 */
export function dataSetDatabaseName(size: DataSetSize): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap((parts) => filesUnder(projectPath(...parts))).sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return `${prefix}${hash.digest('hex').slice(0, 10)}_${size.compositions}`;
}

/**
 * The database holding the data set of `size`, built first when missing (into `…_building`,
 * renamed when complete, so an interrupted build is never used). Older data sets of the same
 * size are dropped. The benchmark copies it (`create database … template …`) and never writes to it.
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
  if (existing.includes(name)) return name;
  const stale = existing.filter((other) => other.endsWith(`_${size.compositions}`) || other.endsWith('_building'));
  for (const other of stale) await asAdmin((client) => client.query(`drop database if exists ${other} with (force)`));
  const building = `${name}_building`;
  log(`building the data set ${name} (${size.compositions} compositions in ${size.ehrs} EHRs; kept for later runs)`);
  await asAdmin((client) => client.query(`create database ${building}`));
  await loadDataSet(await databaseUrl(building), size, log);
  await asAdmin((client) => client.query(`alter database ${building} rename to ${name}`));
  return name;
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((entry) => filesUnder(join(path, entry)));
}
