import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  chartCompositions,
  compositionsOfEhr,
  fullDataSet,
  isChartEhr,
  quickDataSet,
} from '../../../scripts/bench/data-set-plan.js';
import { benchTemplates, templateOfComposition } from '../../../scripts/bench/synthetic-compositions.js';

test('the data set holds exactly the compositions asked for, one EHR in a hundred with a 100-composition chart', () => {
  for (const size of [quickDataSet, fullDataSet, { ehrs: 250, compositions: 3_001 }]) {
    let total = 0;
    for (let e = 0; e < size.ehrs; e++) {
      const count = compositionsOfEhr(size, e);
      if (isChartEhr(e)) assert.is(count, chartCompositions);
      else assert.ok(count >= 9 && count <= 11, `EHR ${e} holds ${count}`);
      total += count;
    }
    assert.is(total, size.compositions, `${size.ehrs} EHRs`);
  }
});

test('the templates come in their fixed mix', () => {
  const counts = new Map<string, number>();
  for (let n = 0; n < 1000; n++) counts.set(templateOfComposition(n), (counts.get(templateOfComposition(n)) ?? 0) + 1);
  for (const { id, share } of benchTemplates) assert.is(counts.get(id), share * 50, id);
});

test.run();
