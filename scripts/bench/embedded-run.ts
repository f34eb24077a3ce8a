import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PGliteDialect } from 'kysely';
import type { Database } from '../../server/db/database.js';
import type { ClientComposition } from '../../server/ehr/commit-repository.js';
import { openPglite, pgliteDirectory } from '../../server/db/pglite-engine.js';
import { listeningUrl, startServerProcess } from '../../test/support/server-process.js';
import { embeddedDoctor, signInDoctor } from './bench-accounts.js';
import { benchSample, checkThroughApi, type BenchSample } from './bench-sample.js';
import { dataSetDatabaseName } from './data-set-database.js';
import { compositionsOfEhr, type DataSetSize } from './data-set-plan.js';
import { ehrHistoryRows, type PlannedComposition } from './ehr-history-rows.js';
import { historyWriter } from './history-writer.js';
import { httpFigures, writers } from './http-figures.js';
import { loaderCommitter } from './load-data-set.js';
import type { RunFigures } from './postgres-run.js';
import { embeddedInsertBaseline } from './raw-insert-baseline.js';
import { withShippedKnowledge } from './shipped-knowledge.js';
import { syntheticComposition, templateOfComposition } from './synthetic-compositions.js';
import { templateExamples } from './template-examples.js';

/**
 * `npm run bench -- --embedded`: the HTTP figures against the embedded database (PGlite). The
 * data set is generated into a PGlite directory kept in the temporary folder (same name as the
 * Postgres one), copied for the run, and the server started on the copy as `npm start` would
 * (`DATA_DIR`, no `DATABASE_URL`). PGlite admits one process at a time, so what needs the database
 * directly happens before the server starts: the sample, the baseline (same document, 16
 * concurrent loops in this process) and the doctor (created active with its grants, then signed
 * in through the API).
 *
 * @example
 * const { figures, baseline } = await embeddedRun(quickDataSet, { seconds: 3, log });
 */
export async function embeddedRun(
  size: DataSetSize,
  options: { seconds: number; log: (line: string) => void },
): Promise<RunFigures> {
  const kept = await ensureEmbeddedDataSet(size, options.log);
  const dataDir = join(tmpdir(), `docsy-bench-run-${randomBytes(4).toString('hex')}`);
  cpSync(kept, dataDir, { recursive: true });
  try {
    const jwtSecret = randomBytes(32).toString('hex');
    const shape = { connections: writers, seconds: options.seconds };
    const prepared = await withPglite(dataDir, async (pglite, db) => {
      const sample = await benchSample(async (text, values) => (await pglite.query<never>(text, values)).rows);
      const baseline = await embeddedInsertBaseline(pglite, sample.baselineDocument, shape);
      return { sample, baseline, email: await embeddedDoctor(db, jwtSecret) };
    });
    options.log(`baseline measured; starting the server on a copy of the embedded data set`);
    const server = startServerProcess({ DATA_DIR: dataDir, JWT_SECRET: jwtSecret, PORT: '0' });
    try {
      const baseUrl = await listeningUrl(server, 120_000);
      const doctor = await signInDoctor(baseUrl, prepared.email);
      await checkThroughApi(baseUrl, doctor, prepared.sample as BenchSample);
      const figures = await httpFigures({
        baseUrl,
        authorization: doctor.authorization,
        baselinePerSecond: prepared.baseline.perSecond,
        sample: prepared.sample,
        seconds: options.seconds,
      });
      return {
        figures: figures.map((figure) => ({ ...figure, name: `${figure.name} [embedded]` })),
        baseline: prepared.baseline,
      };
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The kept embedded data set's `DATA_DIR`, generated first when missing (into `…_building`). */
async function ensureEmbeddedDataSet(size: DataSetSize, log: (line: string) => void): Promise<string> {
  const dir = join(tmpdir(), dataSetDatabaseName(size));
  if (existsSync(dir)) return dir;
  const building = `${dir}_building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  log(`building the embedded data set in ${dir} (${size.compositions} compositions; kept for later runs)`);
  await withPglite(building, async (pglite, db) => {
    const examples = await templateExamples(await withShippedKnowledge(db));
    // As the Postgres loader: no foreign-key triggers per row (each table's batches go out when full).
    await pglite.query('set session_replication_role = replica');
    const writer = historyWriter((text, values) => db.executeQuery(CompiledQuery.raw(text, values)));
    let n = 0;
    for (let e = 0; e < size.ehrs; e++) {
      const planned: PlannedComposition[] = [];
      for (let i = compositionsOfEhr(size, e); i > 0; i--, n++) {
        const { facts, body } = examples[templateOfComposition(n)];
        planned.push({ n, template: facts, body: syntheticComposition(body, n) as unknown as ClientComposition });
      }
      const createdAt = new Date(Date.UTC(2020, 11, 1) + e * 1000);
      await writer.write(ehrHistoryRows(randomUUID(), createdAt, planned, loaderCommitter, 'docsy.local'));
    }
    await writer.finish();
    await pglite.query('reset session_replication_role');
    await pglite.query('vacuum analyze');
  });
  renameSync(building, dir);
  return dir;
}

async function withPglite<T>(dataDir: string, work: (pglite: PGlite, db: Kysely<Database>) => Promise<T>): Promise<T> {
  const pglite = await openPglite(pgliteDirectory(dataDir));
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    return await work(pglite, db);
  } finally {
    await db.destroy();
  }
}
