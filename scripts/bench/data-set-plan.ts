/** How big the benchmark's data set is. */
export interface DataSetSize {
  ehrs: number;
  compositions: number;
}

/** `npm run bench`: SPEC §8's 1M compositions over 100k EHRs; `--quick`: 20k over 2k. */
export const fullDataSet: DataSetSize = { ehrs: 100_000, compositions: 1_000_000 };
export const quickDataSet: DataSetSize = { ehrs: 2_000, compositions: 20_000 };

/** One EHR in a hundred holds a long history: the chart figure reads those. */
export const chartEhrEvery = 100;
/** Compositions in a long history (SPEC §8: a chart of about 100). */
export const chartCompositions = 100;

/**
 * How many compositions the `e`th EHR of the data set holds: `chartCompositions` for every
 * `chartEhrEvery`th (the patients with long histories, from the first), the rest spread evenly
 * over the others, so the total is exactly `size.compositions`.
 *
 * @example
 * compositionsOfEhr(quickDataSet, 0); // 100
 * compositionsOfEhr(quickDataSet, 1); // 10
 */
export function compositionsOfEhr(size: DataSetSize, e: number): number {
  if (isChartEhr(e)) return chartCompositions;
  const charts = Math.ceil(size.ehrs / chartEhrEvery);
  const others = size.ehrs - charts;
  const rest = size.compositions - charts * chartCompositions;
  const ordinal = e - Math.floor(e / chartEhrEvery) - 1;
  return Math.floor(rest / others) + (ordinal < rest % others ? 1 : 0);
}

/** Whether the `e`th EHR is one with a long history. */
export function isChartEhr(e: number): boolean {
  return e % chartEhrEvery === 0;
}

/** Every tenth composition has a second version (an amendment), as records do. */
export function isAmended(n: number): boolean {
  return n % 10 === 5;
}
