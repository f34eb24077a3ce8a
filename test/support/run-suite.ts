/**
 * Runs one uvu suite in this process: `node --import tsx test/support/run-suite.ts test/api`.
 * All files share the process (and so one test database); the process exits when uvu is done,
 * whatever handles are still open.
 */
import { parse } from 'uvu/parse';
import { run } from 'uvu/run';

const [dir, pattern] = process.argv.slice(2);
if (!dir) {
  console.error('usage: run-suite.ts <folder> [file pattern]');
  process.exit(2);
}
const { suites } = await parse(dir, pattern ? new RegExp(pattern) : /\.test\.ts$/);
if (suites.length === 0) {
  console.error(`no test files in ${dir}${pattern ? ` matching ${pattern}` : ''}`);
  process.exit(1);
}
await run(suites);
process.exit(process.exitCode ?? 0);
