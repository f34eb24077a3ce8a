import { randomBytes } from 'node:crypto';
import { projectPath } from '../../server/project-root.js';
import { listeningUrl, startServerProcess } from '../../test/support/server-process.js';
import { createThrowawayDatabase } from '../test-runner/throwaway-database.js';
import { benchDoctor } from './bench-accounts.js';
import { benchSample, checkThroughApi } from './bench-sample.js';
import { ensureDataSetDatabase, withClient } from './data-set-database.js';
import type { DataSetSize } from './data-set-plan.js';
import type { Figure } from './figures.js';
import { httpFigures, writers } from './http-figures.js';
import { rawInsertBaseline, type Baseline } from './raw-insert-baseline.js';

/** What one run against a database measured. */
export interface RunFigures {
  figures: Figure[];
  baseline: Baseline;
}

/**
 * The HTTP figures against Postgres: the kept data set copied into a fresh database, the server
 * started on it as its own process, the doctor made through the API, the baseline measured in
 * the same database just before the load. The copy is dropped afterwards.
 *
 * @example
 * const { figures, baseline } = await postgresRun(quickDataSet, { seconds: 3, profile: false, log });
 */
export async function postgresRun(
  size: DataSetSize,
  options: { seconds: number; profile: boolean; log: (line: string) => void },
): Promise<RunFigures> {
  const template = await ensureDataSetDatabase(size, options.log);
  const database = await createThrowawayDatabase({ prefix: 'docsy_bench', template });
  try {
    options.log(`copied the data set into ${database.name}; starting the server`);
    const jwtSecret = randomBytes(32).toString('hex');
    const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${projectPath('bench', 'profiles')}`] : [];
    const server = startServerProcess({ DATABASE_URL: database.url, JWT_SECRET: jwtSecret, PORT: '0' }, profile);
    try {
      const baseUrl = await listeningUrl(server, 120_000);
      const doctor = await benchDoctor(baseUrl, database.url, jwtSecret);
      const sample = await withClient(database.url, (client) =>
        benchSample(async (text, values) => (await client.query(text, values)).rows),
      );
      await checkThroughApi(baseUrl, doctor, sample);
      options.log(`measuring the baseline, then over HTTP (${options.seconds} s per figure)`);
      const shape = { connections: writers, seconds: options.seconds };
      const baseline = await rawInsertBaseline(database.url, sample.baselineDocument, shape);
      const figures = await httpFigures({
        baseUrl,
        authorization: doctor.authorization,
        baselinePerSecond: baseline.perSecond,
        sample,
        seconds: options.seconds,
      });
      return { figures, baseline };
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await database.drop();
  }
}
