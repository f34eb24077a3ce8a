import { spawn } from 'node:child_process';
import { projectPath } from '../../server/project-root.js';

/** What one suite run counted. */
export interface SuiteResult {
  label: string;
  passed: number;
  failed: number;
  seconds: number;
}

export interface SuiteRun {
  label: string;
  folder: string;
  env: Record<string, string>;
  pattern?: string;
}

// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

/**
 * Reads uvu's closing totals. A suite that crashed before printing them, or exited non-zero
 * with nothing failed, counts one failure so that it cannot pass unnoticed.
 *
 * @example
 * countResults('Total: 3\nPassed: 2\nSkipped: 0', 1); // { passed: 2, failed: 1 }
 */
export function countResults(output: string, exitCode: number | null): { passed: number; failed: number } {
  const text = output.replace(ansi, '');
  const total = /Total:\s+(\d+)/.exec(text);
  const passed = /Passed:\s+(\d+)/.exec(text);
  if (!total || !passed) return { passed: 0, failed: 1 };
  const counts = { passed: Number(passed[1]), failed: Number(total[1]) - Number(passed[1]) };
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/**
 * Runs one uvu suite in a child process (`test/support/run-suite.ts`), echoing its output,
 * killed after `timeoutMs`.
 *
 * @example
 * const result = await runSuite({ label: 'unit', folder: 'test/unit', env: {} }, 600_000);
 */
export function runSuite(run: SuiteRun, timeoutMs: number): Promise<SuiteResult> {
  const started = Date.now();
  const args = ['--import', 'tsx', projectPath('test', 'support', 'run-suite.ts'), run.folder];
  if (run.pattern) args.push(run.pattern);
  const child = spawn(process.execPath, args, {
    cwd: projectPath(),
    env: { ...process.env, ...run.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  const timer = setTimeout(() => {
    output += `\n${run.label}: timed out after ${timeoutMs / 1000} s\n`;
    console.error(`${run.label}: timed out after ${timeoutMs / 1000} s; stopping it`);
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      resolve({ label: run.label, ...countResults(output, code), seconds });
    });
  });
}
