import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectPath } from '../../server/project-root.js';

/** The summary `npm run bench:form-render` prints as its last line. */
export interface FormRenderSummary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  firstRunMs: number;
}

/**
 * Runs the form-render benchmark (`scripts/bench/form-render.ts`: the 30-analyte lab report, data
 * to interactive in Chromium) in its own process and returns its summary.
 *
 * @example
 * const { medianMs } = await formRenderFigure(20);
 */
export async function formRenderFigure(runs: number): Promise<FormRenderSummary> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', projectPath('scripts', 'bench', 'form-render.ts'), '--runs', String(runs)],
    { cwd: projectPath(), env: { ...process.env, DOCSY_TEST_LOG_LEVEL: 'silent' } },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as FormRenderSummary;
}
