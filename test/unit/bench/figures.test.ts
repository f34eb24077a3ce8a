import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { figureLines, isMet, ratioTo, type Figure } from '../../../scripts/bench/figures.js';
import { percentile } from '../../../scripts/bench/http-load.js';

const commits: Figure = {
  name: 'commits/s',
  value: 812.4,
  unit: '/s',
  target: { kind: 'ratio-at-least', value: 0.7 },
  ratio: ratioTo(812.4, 1600),
};
const read: Figure = { name: 'read p99', value: 3.214, unit: 'ms', target: { kind: 'below', value: 5 } };

test('a line per figure: name, value, target, ratio, met or NOT MET, in aligned columns', () => {
  assert.equal(figureLines([commits, read]), [
    'commits/s  812 /s   >= 0.7 x baseline  0.51  NOT MET',
    'read p99   3.21 ms  < 5.00 ms          -     met',
  ]);
});

test('a throughput figure is judged by its ratio to the baseline, a latency by its value', () => {
  assert.is(isMet({ ...commits, ratio: 0.7 }), true);
  assert.is(isMet({ ...commits, ratio: 0.69 }), false);
  assert.is(isMet({ ...read, value: 5 }), false);
  assert.is(isMet({ name: 'import', value: 8000, unit: '/s', target: { kind: 'at-least', value: 8000 } }), true);
});

test('a figure that failed to measure is never met, and says why', () => {
  const failed = { ...read, error: '3 requests failed (statuses 500)' };
  assert.is(isMet(failed), false);
  assert.equal(figureLines([failed]), ['read p99  failed  < 5.00 ms  -  NOT MET  (3 requests failed (statuses 500))']);
});

test('percentiles are nearest-rank over every response', () => {
  const sorted = Array.from({ length: 200 }, (_, i) => i + 1);
  assert.is(percentile(sorted, 0.5), 100);
  assert.is(percentile(sorted, 0.99), 198);
  assert.is(percentile([7], 0.99), 7);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});

test.run();
