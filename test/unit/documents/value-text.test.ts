import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TreeNode } from '../../../server/knowledge/element-tree.js';
import { dateText, durationText, specText, valueText } from '../../../server/documents/value-text.js';
import { printableText } from '../../../server/documents/pdf-text.js';

test('dates stay as precise as recorded, times keep their zone', () => {
  assert.is(dateText('2026-03-02'), '2 March 2026');
  assert.is(dateText('2019-06'), 'June 2019');
  assert.is(dateText('1998'), '1998');
  assert.is(dateText('2026-03-02T09:30:00+01:00'), '2 March 2026, 09:30 (UTC+01:00)');
  assert.is(dateText('2026-03-02T09:30:00Z'), '2 March 2026, 09:30 (UTC)');
  assert.is(dateText('not a date'), 'not a date');
});

test('durations in words', () => {
  assert.is(durationText('P7D'), '7 days');
  assert.is(durationText('P1W'), '1 week');
  assert.is(durationText('PT1H30M'), '1 hour 30 minutes');
  assert.is(durationText('P1Y6M'), '1 year 6 months');
  assert.is(durationText('P'), 'P');
});

test('values read as a clinician reads them', () => {
  assert.is(
    specText({ type: 'quantity', units: [{ unit: 'Cel', label: '°C' }] }, { magnitude: 37.2, unit: 'Cel' }),
    '37.2 °C',
  );
  assert.is(specText({ type: 'quantity' }, { magnitude: 11.2, unit: 'g/dL' }), '11.2 g/dL');
  assert.is(specText({ type: 'coded_text' }, { code: 'low', terminology: 'local', value: 'Low' }), 'Low');
  assert.is(specText({ type: 'boolean' }, true), 'Yes');
  assert.is(specText({ type: 'identifier' }, { id: 'RX-1', issuer: 'Docsy Clinic' }), 'RX-1 (Docsy Clinic)');
  assert.is(specText({ type: 'proportion', kind: 'percent' }, { numerator: 45, denominator: 100 }), '45 %');
  const choice: TreeNode = {
    kind: 'choice',
    key: 'result',
    label: 'Result',
    required: false,
    hiddenValues: 'clear',
    choices: [{ type: 'quantity' }, { type: 'duration' }],
  };
  assert.is(valueText(choice, { type: 'duration', value: 'P3D' }), '3 days');
});

test('text the standard PDF fonts cannot show becomes ? rather than vanishing', () => {
  assert.is(printableText('Zoë – 5 µg “ok”'), 'Zoë – 5 µg “ok”');
  assert.is(printableText('≥ 5 mmol/L 血'), '? 5 mmol/L ?');
});

test.run();
