import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectPath } from '../../server/project-root.js';

const run = promisify(execFile);

/** What a command printed and its exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's TypeScript commands (`scripts/<script>`) as `npm run` would, with `env`
 * added to this process's environment; resolves (never rejects) with its exit code and output.
 *
 * @example
 * const result = await runScript('knowledge.ts', ['list'], { DATA_DIR: dir, DATABASE_URL: '' });
 * assert.is(result.code, 0, result.stderr);
 */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<CommandResult> {
  return run(process.execPath, ['--import', 'tsx', projectPath('scripts', script), ...args], {
    cwd: projectPath(),
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: CommandResult) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
