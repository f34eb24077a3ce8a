import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  availabilityProblems,
  toAvailability,
  type AvailabilityInput,
  type AvailabilityRule,
} from '../../../server/scheduling/availability.js';
import { generateSlots, type TimeWindow } from '../../../server/scheduling/slot-generation.js';

const rule = (overrides: Partial<AvailabilityRule>): AvailabilityRule => ({
  weekday: 'sunday',
  start: '09:00',
  end: '12:00',
  slotMinutes: 30,
  location: 'Room 1',
  timeZone: 'Europe/London',
  ...overrides,
});

function starts(input: AvailabilityInput, window: TimeWindow): string[] {
  return generateSlots(toAvailability(input), window).map((slot) => slot.startIso);
}

const day = (date: string, zoneOffset: string): TimeWindow => ({
  from: new Date(`${date}T00:00:00${zoneOffset}`),
  to: new Date(new Date(`${date}T00:00:00${zoneOffset}`).getTime() + 26 * 3600 * 1000),
});

test('Europe/London, last Sunday of March: a day rule keeps its 6 slots, now at +01:00', () => {
  const input = { rules: [rule({ weekday: 'saturday' }), rule({ weekday: 'sunday' })], exceptions: [] };
  const window = { from: new Date('2026-03-28T00:00:00Z'), to: new Date('2026-03-30T00:00:00Z') };
  const slots = starts(input, window);
  assert.is(slots.length, 12);
  assert.equal(slots.slice(0, 2), ['2026-03-28T09:00:00+00:00', '2026-03-28T09:30:00+00:00']);
  assert.equal(slots.slice(6, 8), ['2026-03-29T09:00:00+01:00', '2026-03-29T09:30:00+01:00']);
  assert.is(slots.at(-1), '2026-03-29T11:30:00+01:00');
});

test('Europe/London: a night rule across the change has one slot fewer in spring, one more in autumn', () => {
  const input = { rules: [rule({ start: '00:00', end: '04:00', slotMinutes: 60 })], exceptions: [] };
  assert.equal(starts(input, day('2026-03-29', 'Z')), [
    '2026-03-29T00:00:00+00:00',
    '2026-03-29T02:00:00+01:00',
    '2026-03-29T03:00:00+01:00',
  ]);
  assert.equal(starts(input, day('2026-10-25', '+01:00')), [
    '2026-10-25T00:00:00+01:00',
    '2026-10-25T01:00:00+01:00',
    '2026-10-25T01:00:00+00:00',
    '2026-10-25T02:00:00+00:00',
    '2026-10-25T03:00:00+00:00',
  ]);
});

test('America/New_York, second Sunday of March: 3 night slots, day slots at -04:00; 5 on the first Sunday of November', () => {
  const zone = { timeZone: 'America/New_York' };
  const night = { rules: [rule({ ...zone, start: '00:00', end: '04:00', slotMinutes: 60 })], exceptions: [] };
  assert.equal(starts(night, day('2026-03-08', '-05:00')), [
    '2026-03-08T00:00:00-05:00',
    '2026-03-08T01:00:00-05:00',
    '2026-03-08T03:00:00-04:00',
  ]);
  assert.is(starts(night, day('2026-11-01', '-04:00')).length, 5);
  const daytime = { rules: [rule({ ...zone, weekday: 'sunday' })], exceptions: [] };
  const slots = starts(daytime, day('2026-03-08', '-05:00'));
  assert.is(slots.length, 6);
  assert.is(slots[0], '2026-03-08T09:00:00-04:00');
  assert.is(new Date(slots[0]!).toISOString(), '2026-03-08T13:00:00.000Z');
});

test('only slots starting inside the window; a window starting late in the day still sees that evening', () => {
  const input = { rules: [rule({ weekday: 'monday', start: '22:00', end: '23:30', timeZone: 'America/New_York' })] };
  // Monday 22:00 in New York is Tuesday 03:00 UTC.
  const window = { from: new Date('2026-06-02T02:30:00Z'), to: new Date('2026-06-02T03:15:00Z') };
  assert.equal(starts({ ...input, exceptions: [] }, window), [
    '2026-06-01T22:30:00-04:00',
    '2026-06-01T23:00:00-04:00',
  ]);
});

test('leave removes overlapping slots; extra hours add slots; overlapping slots keep the earlier one', () => {
  const input: AvailabilityInput = {
    rules: [rule({ weekday: 'monday' })],
    exceptions: [
      { kind: 'leave', start: '2026-06-01T09:45:00+01:00', end: '2026-06-01T10:30:00+01:00' },
      {
        kind: 'extra',
        start: '2026-06-01T11:15:00+01:00',
        end: '2026-06-01T12:45:00+01:00',
        slotMinutes: 30,
        location: 'Room 9',
        timeZone: 'Europe/London',
      },
    ],
  };
  const slots = generateSlots(toAvailability(input), day('2026-06-01', '+01:00'));
  assert.equal(
    slots.map((slot) => `${slot.startIso.slice(11, 16)} ${slot.location}`),
    ['09:00 Room 1', '10:30 Room 1', '11:00 Room 1', '11:30 Room 1', '12:15 Room 9'],
  );
});

test('availability problems name every failing field', () => {
  const problems = availabilityProblems({
    rules: [
      rule({ start: '10:00', end: '09:00' }),
      rule({ weekday: 'monday', end: '11:45', slotMinutes: 30 }),
      rule({ weekday: 'tuesday', timeZone: 'Mars/Olympus_Mons' }),
      rule({ weekday: 'monday', start: '11:00', end: '12:00' }),
    ],
    exceptions: [
      { kind: 'leave', start: '2026-06-02T00:00:00Z', end: '2026-06-01T00:00:00Z' },
      { kind: 'extra', start: '2026-06-01T09:00:00Z', end: '2026-06-01T10:00:00Z' },
      { kind: 'leave', start: '2026-06-01T09:00:00Z', end: '2026-06-01T10:00:00Z', slotMinutes: 30 },
    ],
  });
  assert.equal(
    problems.map((problem) => problem.path),
    [
      '/rules/0/end',
      '/rules/1/slotMinutes',
      '/rules/2/timeZone',
      '/rules/3',
      '/exceptions/0/end',
      '/exceptions/1/timeZone',
      '/exceptions/1/location',
      '/exceptions/1/slotMinutes',
      '/exceptions/2/slotMinutes',
    ],
  );
  assert.is(availabilityProblems({ rules: [rule({})], exceptions: [] }).length, 0);
});

test.run();
