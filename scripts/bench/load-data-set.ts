import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../server/db/database.js';
import { openPostgresPool } from '../../server/db/postgres-engine.js';
import type { ClientComposition, Committer } from '../../server/ehr/commit-repository.js';
import { historyProblems } from '../../test/support/ehr-consistency.js';
import { compositionsOfEhr, type DataSetSize } from './data-set-plan.js';
import { ehrHistoryRows, type PlannedComposition } from './ehr-history-rows.js';
import { historyWriter } from './history-writer.js';
import { withShippedKnowledge } from './shipped-knowledge.js';
import { templateExamples } from './template-examples.js';
import { syntheticComposition, templateOfComposition } from './synthetic-compositions.js';

/** The practitioner who "committed" the generated history (an id no account has). */
export const loaderCommitter: Committer = {
  id: '00000000-0000-4000-8000-00000000b0a7',
  name: 'Dr Bench Loader',
  role: 'doctor',
  address: '127.0.0.1',
};

/** Tables whose secondary indexes are dropped while loading and built once afterwards. */
const loadedTables = ['composition', 'composition_version', 'contribution', 'audit_event'];

/**
 * Fills an empty database with the benchmark's data set: migrated, knowledge and value sets
 * published as the server does at start, then `size.compositions` compositions over `size.ehrs`
 * EHRs written in large batches straight into the tables (EHRs, contributions, versions, current
 * rows, each EHR's audit chain and its head), then indexed, vacuumed and analysed. Checks the
 * first EHR's history the way the API tests do (versions, contributions, audit events, and the
 * whole audit log's chains).
 *
 * @example
 * await loadDataSet('postgres://root@127.0.0.1:5432/docsy_bench_data_x', quickDataSet, console.error);
 */
export async function loadDataSet(url: string, size: DataSetSize, log: (line: string) => void): Promise<void> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPostgresPool(url, 2) }) });
  const writers = new pg.Pool({
    connectionString: url,
    max: 2,
    // Loading is not the benchmark: no foreign-key triggers per row, no WAL flush per batch.
    options: '-c session_replication_role=replica -c synchronous_commit=off -c maintenance_work_mem=256MB',
  });
  try {
    const registry = await withShippedKnowledge(db);
    const examples = await templateExamples(registry);
    const indexes = await dropSecondaryIndexes(writers);
    const started = Date.now();
    const writer = historyWriter((text, values) => writers.query(text, values));
    let n = 0;
    const checked: string[] = [];
    // Random ids, written in key order: every primary key grows at its end instead of splitting pages at random.
    const ehrIds = Array.from({ length: size.ehrs }, () => randomUUID()).sort();
    for (let e = 0; e < size.ehrs; e++) {
      const planned: PlannedComposition[] = [];
      for (let i = compositionsOfEhr(size, e); i > 0; i--, n++) {
        const { facts, body } = examples[templateOfComposition(n)]!;
        planned.push({ n, template: facts, body: syntheticComposition(body, n) as unknown as ClientComposition });
      }
      const ehrId = ehrIds[e]!;
      if (e === 0) checked.push(ehrId);
      await writer.write(
        ehrHistoryRows(ehrId, new Date(Date.UTC(2020, 11, 1) + e * 1000), planned, loaderCommitter, 'docsy.local'),
      );
      if (e > 0 && e % 10_000 === 0) log(`  ${e} EHRs, ${n} compositions (${seconds(started)} s)`);
    }
    const written = await writer.finish();
    log(`  wrote ${written.versions} versions of ${n} compositions in ${size.ehrs} EHRs (${seconds(started)} s)`);
    for (const definition of indexes) await writers.query(definition);
    await writers.query('vacuum (analyze)');
    log(`  indexed, vacuumed and analysed (${seconds(started)} s)`);
    for (const ehrId of checked) {
      const problems = await historyProblems(db, ehrId);
      if (problems.length > 0)
        throw new Error(`the generated history of ${ehrId} is inconsistent: ${problems.join('; ')}`);
    }
  } finally {
    await writers.end();
    await db.destroy();
  }
}

/** Drops the non-key indexes of the loaded tables; returns their definitions, to create them again. */
async function dropSecondaryIndexes(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition
       from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [loadedTables],
  );
  for (const { name } of rows) await pool.query(`drop index ${name}`);
  return rows.map((row) => row.definition);
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
