/** What a figure must reach (SPEC §8). */
export type Target =
  | { kind: 'below'; value: number }
  | { kind: 'at-least'; value: number }
  /** A throughput at least this share of the raw-insert baseline measured in the same run. */
  | { kind: 'ratio-at-least'; value: number };

/** One measured figure. Throughput figures carry their ratio to the baseline. */
export interface Figure {
  name: string;
  value: number;
  /** `ms`, `/s` or `s`. */
  unit: string;
  target: Target;
  ratio?: number;
  /** How it was measured, in a few words (connections, duration, requests). */
  detail?: string;
  /** Why there is no value (the measurement failed); the figure counts as not met. */
  error?: string;
}

/**
 * Whether a figure reaches its target. A figure that failed to measure never does.
 *
 * @example
 * isMet({ name: 'read', value: 3.2, unit: 'ms', target: { kind: 'below', value: 5 } }); // true
 */
export function isMet(figure: Figure): boolean {
  if (figure.error !== undefined || !Number.isFinite(figure.value)) return false;
  const { target } = figure;
  if (target.kind === 'below') return figure.value < target.value;
  if (target.kind === 'at-least') return figure.value >= target.value;
  return figure.ratio !== undefined && figure.ratio >= target.value;
}

/**
 * The figures as aligned lines, one per figure: `name  value  target  ratio  met|NOT MET`.
 *
 * @example
 * figureLines([{ name: 'commits/s', value: 812, unit: '/s', target: { kind: 'ratio-at-least', value: 0.7 }, ratio: 0.52 }]);
 * // ['commits/s  812 /s  >= 0.7 x baseline  0.52  NOT MET']
 */
export function figureLines(figures: Figure[]): string[] {
  const rows = figures.map((figure) => [
    figure.name,
    figure.error === undefined ? `${formatNumber(figure.value)} ${figure.unit}` : 'failed',
    targetText(figure.target, figure.unit),
    figure.ratio === undefined ? '-' : figure.ratio.toFixed(2),
    isMet(figure) ? 'met' : 'NOT MET',
  ]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]!.length))) ?? [];
  return rows.map((row, i) => {
    const line = row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ');
    const error = figures[i]!.error;
    return error === undefined ? line : `${line}  (${error})`;
  });
}

/** A target as text: `< 5 ms`, `>= 8000 /s`, `>= 0.7 x baseline`. */
export function targetText(target: Target, unit: string): string {
  if (target.kind === 'below') return `< ${formatNumber(target.value)} ${unit}`;
  if (target.kind === 'at-least') return `>= ${formatNumber(target.value)} ${unit}`;
  return `>= ${target.value} x baseline`;
}

/** Two decimals below 10, one below 100, none above: the precision the measurement has. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return value.toFixed(digits);
}

/**
 * The ratio of a throughput to the baseline's, rounded to two decimals.
 *
 * @example
 * ratioTo(812, 1600); // 0.51
 */
export function ratioTo(value: number, baseline: number): number {
  return baseline > 0 ? Math.round((value / baseline) * 100) / 100 : Number.NaN;
}
