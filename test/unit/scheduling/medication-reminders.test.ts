import { DateTime } from 'luxon';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { medicationTimings } from '../../../server/scheduling/medication-orders.js';
import { reminderOccurrences } from '../../../server/scheduling/reminder-schedule.js';

const order = (data: Record<string, unknown>) => ({
  slot: 'medication_order',
  archetype: 'openEHR-EHR-INSTRUCTION.medication_order.v3',
  revision: '3.0.0',
  data: { medication_item: 'Drug', ...data },
});

function schedule(timing: Record<string, unknown>) {
  const [line] = medicationTimings({
    uid: 'p1',
    startTime: new Date('2026-05-04T10:00:00Z'),
    content: [order({ dose_and_timing: [timing] })],
  });
  return line ? reminderOccurrences(line).map((o) => [o.first.toFormat('ccc HH:mm'), o.freq, o.interval, o.byDay]) : [];
}

test('per day: spread from 08:00 to 20:00; very frequent doses hourly', () => {
  assert.equal(schedule({ frequency: { magnitude: 1, unit: '/d' } }), [['Mon 08:00', 'DAILY', 1, undefined]]);
  assert.equal(
    schedule({ frequency: { magnitude: 2, unit: '/d' } }).map((o) => o[0]),
    ['Mon 08:00', 'Mon 20:00'],
  );
  assert.equal(
    schedule({ frequency: { magnitude: 4, unit: '/d' } }).map((o) => o[0]),
    ['Mon 08:00', 'Mon 12:00', 'Mon 16:00', 'Mon 20:00'],
  );
  assert.equal(schedule({ frequency: { magnitude: 24, unit: '/d' } }), [['Mon 00:00', 'HOURLY', 1, undefined]]);
});

test('per week on spread weekdays, per month, and intervals by their unit', () => {
  assert.equal(schedule({ frequency: { magnitude: 2, unit: '/wk' } }), [['Mon 08:00', 'WEEKLY', 1, ['MO', 'TH']]]);
  assert.equal(schedule({ frequency: { magnitude: 1, unit: '/mo' } }), [['Mon 08:00', 'MONTHLY', 1, undefined]]);
  assert.equal(schedule({ interval: 'PT8H' }), [['Mon 08:00', 'HOURLY', 8, undefined]]);
  assert.equal(schedule({ interval: 'P1W' }), [['Mon 08:00', 'WEEKLY', 1, undefined]]);
  assert.equal(schedule({ interval: 'P2D' }), [['Mon 08:00', 'DAILY', 2, undefined]]);
});

test('no reminder when as needed, or without frequency or interval', () => {
  assert.equal(schedule({ frequency: { magnitude: 3, unit: '/d' }, as_needed: true }), []);
  assert.equal(schedule({ dose: { magnitude: 1, unit: 'mg' } }), []);
});

test('start and end: order start and stop, else the composition start and the duration', () => {
  const [fromOrder] = medicationTimings({
    uid: 'p',
    startTime: new Date('2026-05-04T10:00:00Z'),
    content: [
      order({
        order_start: '2026-06-01T09:00:00+02:00',
        order_stop: '2026-06-10',
        dose_and_timing: [{ interval: 'P1D' }],
      }),
    ],
  });
  assert.is(fromOrder!.start.toISODate(), '2026-06-01');
  assert.is(fromOrder!.until!.toISODate(), '2026-06-10');
  const [fromDuration] = medicationTimings({
    uid: 'p',
    startTime: new Date('2026-05-04T23:30:00Z'),
    content: [order({ dose_and_timing: [{ interval: 'P1D', direction_duration: 'P5D' }] })],
  });
  assert.is(fromDuration!.start.toISODate(), '2026-05-04');
  assert.equal(fromDuration!.until!.toISODate(), DateTime.fromISO('2026-05-09').toISODate());
  assert.equal(medicationTimings({ uid: 'p', startTime: new Date(), content: 'not a list' }), []);
});

test.run();
