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
 *   npm run bench -- --embedded     the same figures against the embedded database (PGlite, 20k compositions)
 *   npm run bench -- --profile      also writes a CPU profile of the server (bench/profiles/)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { writeResults } from './bench-results.js';
import { fullDataSet, quickDataSet } from './data-set-plan.js';
import { embeddedRun } from './embedded-run.js';
import { embeddedStartSeconds } from './embedded-start.js';
import { figureLines } from './figures.js';
import { formRenderFigure } from './form-render-figure.js';
import { postgresRun } from './postgres-run.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, embedded: { type: 'boolean' }, profile: { type: 'boolean' } },
});
const quick = values.quick ?? false;
const embedded = values.embedded ?? false;
const size = quick || embedded ? quickDataSet : fullDataSet;
const seconds = quick ? 3 : 15;
const log = (line: string) => console.error(line);
const loadBefore = loadavg();

const { figures, baseline } = embedded
  ? await embeddedRun(size, { seconds, log })
  : await postgresRun(size, { seconds, profile: values.profile ?? false, log });

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
const file = await writeResults({ quick, embedded, size, seconds, loadBefore, figures, baseline });
console.log(`\nresults: ${file}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
