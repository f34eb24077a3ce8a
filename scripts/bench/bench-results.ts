import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../../server/project-root.js';
import type { DataSetSize } from './data-set-plan.js';
import type { Baseline } from './raw-insert-baseline.js';
import { isMet, type Figure } from './figures.js';

/** A run of the benchmark, as `bench/results/<time>.json` keeps it. */
export interface BenchRun {
  quick: boolean;
  embedded: boolean;
  size: DataSetSize;
  seconds: number;
  /** Load averages (1, 5, 15 minutes) when the run started: the machine is shared. */
  loadBefore: number[];
  figures: Figure[];
  baseline: Baseline;
}

/**
 * Writes the run with the machine it ran on to `bench/results/<ISO time>.json` (`-quick` runs
 * get their own suffix and are not kept in git) and returns the file's path.
 *
 * @example
 * const file = await writeResults({ quick: true, size, seconds: 3, loadBefore, figures, baseline });
 */
export async function writeResults(run: BenchRun): Promise<string> {
  const at = new Date();
  const folder = projectPath('bench', 'results');
  mkdirSync(folder, { recursive: true });
  const suffix = `${run.embedded ? '-embedded' : ''}${run.quick ? '-quick' : ''}`;
  const file = join(folder, `${at.toISOString().replace(/[:.]/g, '-')}${suffix}.json`);
  const summary = {
    at: at.toISOString(),
    ...run,
    loadAfter: loadavg(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    figures: run.figures.map((figure) => ({ ...figure, met: isMet(figure) })),
  };
  writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
  return file;
}
