import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../server/project-root.js';

const uiSources = [
  projectPath('ui', 'src'),
  projectPath('ui', 'index.html'),
  projectPath('ui', 'public'),
  projectPath('vite.config.ts'),
];
const builtPage = projectPath('ui', 'dist', 'index.html');

/** Latest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newestChange(path: string): number {
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
 * Whether `ui/dist` is missing or older than the UI sources.
 *
 * @example
 * if (uiBuildIsStale()) buildUi();
 */
export function uiBuildIsStale(): boolean {
  const built = newestChange(builtPage);
  return built === 0 || uiSources.some((source) => newestChange(source) > built);
}

/**
 * Runs `vite build` (into `ui/dist`), inheriting the terminal; throws when it fails.
 *
 * @example
 * buildUi();
 */
export function buildUi(): void {
  const result = spawnSync(
    process.execPath,
    [projectPath('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: projectPath(),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed (exit code ${result.status ?? result.signal})`);
}

/**
 * Builds the UI only when its build is missing or stale, so a start does not rebuild each time.
 *
 * @example
 * ensureUiBuilt();
 */
export function ensureUiBuilt(): void {
  if (uiBuildIsStale()) buildUi();
}
