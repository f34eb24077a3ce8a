import { call } from './bench-accounts.js';
import type { BenchSample } from './bench-sample.js';
import { ratioTo, type Figure } from './figures.js';
import { httpLoad, type LoadRequest, type LoadResult } from './http-load.js';
import { penicillin, syntheticComposition, type CompositionBody } from './synthetic-compositions.js';

/** Where and how long to measure. */
export interface HttpBench {
  baseUrl: string;
  authorization: string;
  /** Raw inserts per second measured just before, with the same document and 16 clients. */
  baselinePerSecond: number;
  sample: BenchSample;
  /** Seconds each measurement runs (after a warm-up of a second). */
  seconds: number;
}

/** SPEC §8: 16 concurrent clients for commits and the baseline. */
export const writers = 16;
/** Latency figures: a few concurrent users, so that a figure is latency rather than queueing. */
const readers = 4;
/** Bulk import: a few streams of large contributions. */
const importers = 4;
const importBatch = 100;

const allergyQuery =
  'SELECT e/ehr_id/value AS ehr, c/uid AS composition, a/data/substance/value AS substance ' +
  'FROM EHR e CONTAINS COMPOSITION c CONTAINS EVALUATION a[openEHR-EHR-EVALUATION.adverse_reaction_risk.v2] ' +
  "WHERE a/data/substance/code = $code AND a/data/active_inactive/code = 'active' ORDER BY c/context/startTime DESC";

const terminologySearches = [
  ['snomed-substances', 'pen'],
  ['snomed-substances', 'peanut'],
  ['snomed-medications', 'amox'],
  ['snomed-problems', 'diab'],
  ['snomed-problems', 'hypert'],
  ['loinc-analytes', 'glucose'],
  ['ucum-units', 'mg'],
] as const;

/**
 * Every figure measured over HTTP against the running server; throughput figures with their
 * ratio to the raw-insert baseline the caller measured in the same database.
 *
 * @example
 * const figures = await httpFigures({ baseUrl, authorization, baselinePerSecond, sample, seconds: 10 });
 */
export async function httpFigures(bench: HttpBench): Promise<Figure[]> {
  const example = await call<CompositionBody>(bench.baseUrl, 'GET', '/api/templates/docsy.vital_signs.v1/example', {
    authorization: bench.authorization,
  });
  const body = JSON.stringify(syntheticComposition(example, 1));
  const others = cycle(bench.sample.otherEhrs);
  const commits = await measure(bench, writers, () => ({
    method: 'POST',
    path: `/api/ehr/${others()}/compositions`,
    body,
  }));
  const commitFigure = throughput('composition commits/s (16 clients)', commits, writers, bench);
  const figures: Figure[] = [{ ...commitFigure, target: { kind: 'ratio-at-least', value: 0.7 } }];

  const versions = JSON.stringify({
    versions: Array.from({ length: importBatch }, () => ({
      changeType: 'creation',
      composition: JSON.parse(body) as unknown,
    })),
  });
  const imports = await measure(bench, importers, () => ({
    method: 'POST',
    path: `/api/ehr/${others()}/contributions`,
    body: versions,
  }));
  const perComposition = { ...imports, perSecond: imports.perSecond * importBatch };
  figures.push({
    ...throughput(`bulk import compositions/s (${importBatch} per contribution)`, perComposition, importers, bench),
    target: { kind: 'at-least', value: 8000 },
  });

  const reads = pick(bench.sample.compositions);
  const read = await measure(bench, readers, () => {
    const { ehrId, uid } = reads();
    return { method: 'GET', path: `/api/ehr/${ehrId}/compositions/${uid}` };
  });
  figures.push(latency('read one current composition p99', read, 'p99', 5, bench));
  const charts = cycle(bench.sample.chartEhrs);
  const chart = await measure(bench, readers, () => ({
    method: 'GET',
    path: `/api/ehr/${charts()}/compositions?limit=100`,
  }));
  figures.push(latency("a patient's chart (100 compositions) p99", chart, 'p99', 15, bench));
  const queryBody = JSON.stringify({ q: allergyQuery, params: { code: penicillin }, fetch: 100 });
  const query = await measure(bench, readers, () => ({ method: 'POST', path: '/api/query', body: queryBody }));
  figures.push(latency('archetype-path query (active penicillin allergies) p50', query, 'p50', 50, bench));
  const searches = cycle(terminologySearches.map(([set, q]) => `/api/terminology/${set}?q=${q}`));
  const terminology = await measure(bench, readers, () => ({ method: 'GET', path: searches() }));
  figures.push(latency('terminology search p50', terminology, 'p50', 10, bench));
  figures.push(latency('terminology search p99', terminology, 'p99', 10, bench));
  return figures;
}

async function measure(bench: HttpBench, connections: number, next: () => LoadRequest): Promise<LoadResult> {
  await httpLoad(bench.baseUrl, bench.authorization, { connections, seconds: 1 }, next);
  return httpLoad(bench.baseUrl, bench.authorization, { connections, seconds: bench.seconds }, next);
}

function throughput(name: string, result: LoadResult, connections: number, bench: HttpBench) {
  return {
    name,
    value: result.perSecond,
    unit: '/s',
    ratio: ratioTo(result.perSecond, bench.baselinePerSecond),
    detail: `${connections} connections, ${bench.seconds} s, ${result.ok} requests`,
    ...failure(result),
  };
}

function latency(name: string, result: LoadResult, at: 'p50' | 'p99', below: number, bench: HttpBench): Figure {
  return {
    name,
    value: result[at],
    unit: 'ms',
    target: { kind: 'below', value: below },
    detail: `${readers} connections, ${bench.seconds} s, ${result.ok} requests (${Math.round(result.perSecond)}/s)`,
    ...failure(result),
  };
}

function failure(result: LoadResult): { error?: string } {
  if (result.failures === 0) return {};
  return { error: `${result.failures} requests failed (statuses ${result.failedStatuses.join(', ')})` };
}

/** The items in turn, forever. */
function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

/** A random item each time. */
function pick<T>(items: readonly T[]): () => T {
  return () => items[Math.floor(Math.random() * items.length)]!;
}
