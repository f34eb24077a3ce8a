import { DateTime } from 'luxon';
import {
  localInstant,
  weekdays,
  type Availability,
  type AvailabilityRule,
  type ExtraHoursException,
} from './availability.js';

/** A bookable period: start and end as instants in the zone they are shown in. */
export interface Slot {
  start: DateTime;
  end: DateTime;
  location: string;
}

/** A half-open period of instants, `[from, to)`. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * Every slot of an availability that starts inside `window`, in order: the weekly rules' slots
 * (laid out in each rule's zone, so a day on which the clocks change has as many slots as fit in
 * its real hours) and the extra hours' slots, minus any that overlap leave. Where two slots
 * overlap (a rule and extra hours, or rules in two zones), the earlier one is kept. Bookings are
 * not considered here; see `free-slots.ts`.
 *
 * @example
 * const slots = generateSlots(availability, { from: new Date('2026-03-29T00:00:00Z'), to: new Date('2026-03-30T00:00:00Z') });
 * slots[0].start.toISO(); // '2026-03-29T09:00:00.000+01:00'
 */
export function generateSlots(availability: Availability, window: TimeWindow): Slot[] {
  const leave = availability.exceptions.filter((exception) => exception.kind === 'leave');
  const candidates = [
    ...availability.rules.flatMap((rule) => ruleSlots(rule, window)),
    ...availability.exceptions.flatMap((exception) =>
      exception.kind === 'extra' ? extraHoursSlots(exception, window) : [],
    ),
  ]
    .filter((slot) => !leave.some((period) => overlaps(slot, period)))
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
  return withoutOverlaps(candidates);
}

function ruleSlots(rule: AvailabilityRule, window: TimeWindow): Slot[] {
  const weekday = weekdays.indexOf(rule.weekday) + 1;
  const slots: Slot[] = [];
  const last = DateTime.fromJSDate(window.to, { zone: rule.timeZone }).startOf('day');
  // From the day before: a window starting just after local midnight may still hold that day's late slots.
  for (
    let day = DateTime.fromJSDate(window.from, { zone: rule.timeZone }).startOf('day').minus({ days: 1 });
    day <= last;
    day = day.plus({ days: 1 })
  ) {
    if (day.weekday !== weekday) continue;
    const start = localInstant(day, rule.start, rule.timeZone);
    const end = localInstant(day, rule.end, rule.timeZone);
    slots.push(...stepThrough(start, end, rule.slotMinutes, rule.location, window));
  }
  return slots;
}

function extraHoursSlots(extra: ExtraHoursException, window: TimeWindow): Slot[] {
  const start = DateTime.fromJSDate(extra.start, { zone: extra.timeZone });
  const end = DateTime.fromJSDate(extra.end, { zone: extra.timeZone });
  return stepThrough(start, end, extra.slotMinutes, extra.location, window);
}

/** Slots of `minutes` of elapsed time from `start` while they end by `end`, those starting in the window. */
function stepThrough(start: DateTime, end: DateTime, minutes: number, location: string, window: TimeWindow): Slot[] {
  const slots: Slot[] = [];
  for (let at = start; at.plus({ minutes }) <= end; at = at.plus({ minutes })) {
    const instant = at.toMillis();
    if (instant >= window.from.getTime() && instant < window.to.getTime()) {
      slots.push({ start: at, end: at.plus({ minutes }), location });
    }
  }
  return slots;
}

function overlaps(slot: Slot, period: { start: Date; end: Date }): boolean {
  return slot.start.toMillis() < period.end.getTime() && period.start.getTime() < slot.end.toMillis();
}

function withoutOverlaps(sorted: Slot[]): Slot[] {
  const kept: Slot[] = [];
  for (const slot of sorted) {
    const previous = kept.at(-1);
    if (!previous || previous.end.toMillis() <= slot.start.toMillis()) kept.push(slot);
  }
  return kept;
}
