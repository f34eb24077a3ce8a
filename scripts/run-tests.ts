/**
 * `npm test`: the unit suite, the API suite on PGlite and on a Postgres database created for
 * this run (dropped afterwards, also on failure or Ctrl-C), then the browser and process suite.
 * Ends with one line `N passed, N failed` over all suites; exits non-zero if any failed.
 *
 *   npm test -- --suite api --engine pglite      one suite, one engine
 *   npm test -- --suite unit --suite e2e         several suites
 *   npm test -- --suite api --pattern health     only files matching a pattern
 *
 * Environment: DOCSY_TEST_PG_ADMIN_URL (or PGHOST/PGPORT/PGUSER/PGPASSWORD) for the server on
 * which the throwaway database is created; DOCSY_TEST_TIMEOUT_MS per suite (default 10 min).
 */
import { parseArgs } from 'node:util';
import { createThrowawayDatabase, type ThrowawayDatabase } from './test-runner/throwaway-database.js';
import { runSuite, type SuiteResult, type SuiteRun } from './test-runner/suite-run.js';
import { ensureServerBuilt, ensureUiBuilt } from './build-if-stale.js';

const suites = ['unit', 'api', 'e2e'] as const;
const engines = ['pglite', 'postgres'] as const;

const { values } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    engine: { type: 'string', multiple: true },
    pattern: { type: 'string' },
  },
});
const chosenSuites = values.suite ?? [...suites];
const chosenEngines = values.engine ?? [...engines];
for (const name of chosenSuites) if (!(suites as readonly string[]).includes(name)) usage(`unknown suite ${name}`);
for (const name of chosenEngines) if (!(engines as readonly string[]).includes(name)) usage(`unknown engine ${name}`);
// A safety net against a hung suite, sized for a loaded 2-core machine (the e2e suite took ~10 min at load 15).
const timeoutMs = Number(process.env.DOCSY_TEST_TIMEOUT_MS ?? 1_500_000);

function usage(problem: string): never {
  console.error(`run-tests: ${problem}; use --suite ${suites.join('|')} and --engine ${engines.join('|')}`);
  process.exit(2);
}

function plannedRuns(postgresUrl: string | undefined): SuiteRun[] {
  const runs: SuiteRun[] = [];
  const pattern = values.pattern ? { pattern: values.pattern } : {};
  const postgres: Record<string, string> = postgresUrl ? { DOCSY_TEST_DATABASE_URL: postgresUrl } : {};
  if (chosenSuites.includes('unit')) runs.push({ label: 'unit', folder: 'test/unit', env: {}, ...pattern });
  if (chosenSuites.includes('api')) {
    for (const engine of chosenEngines) {
      runs.push({
        label: `api (${engine})`,
        folder: 'test/api',
        env: { DOCSY_TEST_ENGINE: engine, ...postgres },
        ...pattern,
      });
    }
  }
  if (chosenSuites.includes('e2e')) {
    runs.push({ label: 'e2e', folder: 'test/e2e', env: { DOCSY_TEST_ENGINE: 'pglite', ...postgres }, ...pattern });
  }
  return runs;
}

const needsPostgres =
  chosenSuites.includes('e2e') || (chosenSuites.includes('api') && chosenEngines.includes('postgres'));
let database: ThrowawayDatabase | undefined;

async function dropDatabase(): Promise<void> {
  await database
    ?.drop()
    .catch((error: unknown) => console.error(`run-tests: could not drop ${database?.name}: ${String(error)}`));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void dropDatabase().finally(() => process.exit(130));
  });
}

const results: SuiteResult[] = [];
try {
  if (needsPostgres) database = await createThrowawayDatabase();
  for (const run of plannedRuns(database?.url)) {
    console.log(`\n=== ${run.label} ===`);
    if (run.folder === 'test/e2e') {
      ensureUiBuilt();
      ensureServerBuilt();
    }
    results.push(await runSuite(run, timeoutMs));
  }
} catch (error) {
  console.error(`run-tests: ${error instanceof Error ? error.message : String(error)}`);
  results.push({ label: 'runner', passed: 0, failed: 1, seconds: 0 });
} finally {
  await dropDatabase();
}

console.log('\nSuite            tests  failures  seconds');
for (const r of results) {
  console.log(
    `${r.label.padEnd(16)} ${String(r.passed + r.failed).padStart(5)}  ${String(r.failed).padStart(8)}  ${r.seconds.toFixed(1).padStart(7)}`,
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
