// @ts-check
/**
 * Builds what `npm start` runs, only when it is missing or older than its sources: the UI
 * (`vite build` into ui/dist) and the server (TypeScript emitted into dist/ without type
 * checking; `npm run typecheck` and `npm run build` check types). Plain JavaScript, so that
 * starting needs no TypeScript loader.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Latest modification time under `path` (a file or a folder), 0 when it does not exist.
 * @param {string} path
 * @returns {number}
 */
function newestChange(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/**
 * Whether `output` is missing or older than any of `sources` (paths relative to the root).
 * @param {string} output
 * @param {string[]} sources
 */
function isStale(output, sources) {
  const built = newestChange(join(root, output));
  return built === 0 || sources.some((source) => newestChange(join(root, source)) > built);
}

/**
 * Runs a Node.js command line from node_modules in the project root; throws when it fails.
 * @param {string} what
 * @param {string[]} args
 */
function run(what, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (exit code ${result.status ?? result.signal})`);
}

/** Builds ui/dist when it is missing or older than the UI sources. */
export function ensureUiBuilt() {
  if (!isStale('ui/dist/index.html', ['ui/src', 'ui/index.html', 'ui/public', 'vite.config.ts'])) return;
  run('vite build', [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
}

/** Emits dist/server when it is missing or older than server/ (no type check: fast). */
export function ensureServerBuilt() {
  if (!isStale('dist/server/main.js', ['server', 'tsconfig.json', 'tsconfig.build.json'])) return;
  run('compiling the server', [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.build.json',
    '--noCheck',
  ]);
}
