/**
 * `npm run bench`: the figures of SPEC §8. Copies the kept data set (1M compositions over 100k
 * EHRs; built once, rebuilt when the schema or generator changes) into a fresh Postgres
 * database, starts the server as its own process against it, signs in a doctor through the API,
 * drives the server over HTTP with autocannon, measures the raw-insert baseline in the same
 * database, times `npm start` on an embedded database and the lab form's render in Chromium.
 * Prints one line per figure (`name  value  target  ratio  met|NOT MET`) and writes
 * `bench/results/<time>.json`. Progress goes to stderr.
 *
 *   npm run bench                   the full data set (builds it first if needed: minutes)
 *   npm run bench -- --quick        20k compositions over 2k EHRs, short runs: under 2 minutes
 *   npm run bench -- --profile      also writes a CPU profile of the server (bench/profiles/)
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { listeningUrl, startServerProcess } from '../../test/support/server-process.js';
import { createThrowawayDatabase } from '../test-runner/throwaway-database.js';
import { benchDoctor } from './bench-accounts.js';
import { writeResults } from './bench-results.js';
import { benchSample, checkThroughApi } from './bench-sample.js';
import { ensureDataSetDatabase } from './data-set-database.js';
import { fullDataSet, quickDataSet } from './data-set-plan.js';
import { embeddedStartSeconds } from './embedded-start.js';
import { figureLines, type Figure } from './figures.js';
import { formRenderFigure } from './form-render-figure.js';
import { httpFigures } from './http-figures.js';
import { projectPath } from '../../server/project-root.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, profile: { type: 'boolean' } } });
const quick = values.quick ?? false;
const size = quick ? quickDataSet : fullDataSet;
const seconds = quick ? 3 : 15;
const log = (line: string) => console.error(line);
const loadBefore = (await import('node:os')).loadavg();

const template = await ensureDataSetDatabase(size, log);
const database = await createThrowawayDatabase({ prefix: 'docsy_bench', template });
const figures: Figure[] = [];
let baseline: Record<string, unknown> | undefined;
try {
  log(`copied the data set into ${database.name}; starting the server`);
  const jwtSecret = randomBytes(32).toString('hex');
  const server = startServerProcess(
    {
      DATABASE_URL: database.url,
      JWT_SECRET: jwtSecret,
      PORT: '0',
    },
    values.profile ? ['--cpu-prof', `--cpu-prof-dir=${projectPath('bench', 'profiles')}`] : [],
  );
  try {
    const baseUrl = await listeningUrl(server, 120_000);
    const doctor = await benchDoctor(baseUrl, database.url, jwtSecret);
    const sample = await benchSample(database.url);
    await checkThroughApi(baseUrl, database.url, doctor, sample);
    log(`measuring over HTTP (${seconds} s per figure)`);
    const measured = await httpFigures({
      baseUrl,
      databaseUrl: database.url,
      authorization: doctor.authorization,
      sample,
      seconds,
    });
    figures.push(...measured.figures);
    baseline = measured.baseline;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
} finally {
  await database.drop();
}

log('timing npm start on an embedded database');
const starts = await embeddedStartSeconds(quick ? 1 : 3);
figures.push({
  name: '`npm start` (embedded) to first healthy answer',
  value: median(starts),
  unit: 's',
  target: { kind: 'below', value: 3 },
  detail: `median of ${starts.length}: ${starts.map((s) => s.toFixed(2)).join(', ')} s`,
});
log('timing the lab report form in Chromium');
const form = await formRenderFigure(quick ? 10 : 30);
figures.push({
  name: 'lab report form (30 analytes) to interactive, median',
  value: form.medianMs,
  unit: 'ms',
  target: { kind: 'below', value: 100 },
  detail: `${form.runs} runs, p95 ${form.p95Ms} ms, first ${form.firstRunMs} ms`,
});

const lines = figureLines(figures);
console.log(lines.join('\n'));
const file = await writeResults({ quick, size, seconds, loadBefore, figures, baseline: baseline ?? {} });
console.log(`\nresults: ${file}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
