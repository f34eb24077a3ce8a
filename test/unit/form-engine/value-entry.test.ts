import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { durationInWords, durationParts, isoDuration } from '../../../ui/src/form/iso-durations.js';
import { numberEntry } from '../../../ui/src/form/number-entry.js';
import { coarsened, dateTimeValue, precisionOf, splitZone } from '../../../ui/src/form/partial-dates.js';
import { unitRangeInWords } from '../../../ui/src/form/unit-range.js';
import { dateInWords } from '../../../ui/src/views/format-value.js';

test('typed numbers: a number when it is one, the text when it is not, nothing when empty', () => {
  assert.is(numberEntry('37.5'), 37.5);
  assert.is(numberEntry(' 37,5 '), 37.5);
  assert.is(numberEntry('-2'), -2);
  assert.is(numberEntry('12a'), '12a');
  assert.is(numberEntry('1.2.3'), '1.2.3');
  assert.is(numberEntry(''), undefined);
});

test('partial dates keep their precision', () => {
  assert.is(precisionOf('2019'), 'year');
  assert.is(precisionOf('2019-06'), 'month');
  assert.is(precisionOf('2019-06-14'), 'date');
  assert.is(precisionOf('2019-06-14T10:00:00Z'), 'time');
  assert.is(coarsened('2019-06-14T10:00:00Z', 'month'), '2019-06');
  assert.is(coarsened('2019', 'date'), undefined);
  assert.equal(splitZone('2018-04-02T14:30:00+02:00'), { local: '2018-04-02T14:30:00', zone: '+02:00' });
  assert.is(dateTimeValue('2026-11-26T10:30', '+01:00'), '2026-11-26T10:30:00+01:00');
  assert.match(dateTimeValue('2026-11-26T10:30:05', undefined), /^2026-11-26T10:30:05[+-]\d{2}:\d{2}$/);
});

test('dates in words', () => {
  assert.is(dateInWords('2019'), '2019');
  assert.is(dateInWords('2019-06'), 'June 2019');
  assert.is(dateInWords('2019-06-14'), '14 June 2019');
  assert.is(dateInWords('2018-04-02T14:30:00+02:00'), '2 April 2018, 14:30:00 (UTC+02:00)');
});

test('durations: one amount and unit as ISO 8601, and back', () => {
  assert.is(isoDuration('30', 'minutes'), 'PT30M');
  assert.is(isoDuration('3', 'months'), 'P3M');
  assert.equal(durationParts('PT30M'), { amount: '30', unit: 'minutes' });
  assert.equal(durationParts('P2W'), { amount: '2', unit: 'weeks' });
  assert.is(durationParts('P1Y6M'), undefined);
  assert.is(durationInWords('P1D'), '1 day');
});

test('a unit range in words', () => {
  assert.is(
    unitRangeInWords({ unit: 'Cel', label: '°C', minimum: 25, exclusiveMaximum: 45, decimals: 1 }),
    'at least 25 and less than 45 °C, with at most 1 decimal',
  );
  assert.is(unitRangeInWords({ unit: 'mg', exclusiveMinimum: 0 }), 'more than 0 mg');
});

test.run();
