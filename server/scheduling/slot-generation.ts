import { DateTime, IANAZone } from 'luxon';
import {
  localInstant,
  weekdays,
  type Availability,
  type AvailabilityRule,
  type ExtraHoursException,
} from './availability.js';
import { isoAtOffset } from './zoned-time.js';

/** A bookable period, with its start and end as ISO 8601 at the offset of its zone. */
export interface Slot {
  start: Date;
  end: Date;
  /** E.g. `2026-03-30T09:00:00+01:00`. */
  startIso: string;
  endIso: string;
  location: string;
  /** The IANA zone it was laid out in. */
  timeZone: string;
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
 * slots[0].startIso; // '2026-03-29T09:00:00+01:00'
 */
export function generateSlots(availability: Availability, window: TimeWindow): Slot[] {
  const leave = availability.exceptions.filter((exception) => exception.kind === 'leave');
  const candidates = [
    ...rulesSlots(availability.rules, window),
    ...availability.exceptions.flatMap((exception) =>
      exception.kind === 'extra' ? extraHoursSlots(exception, window) : [],
    ),
  ]
    .filter((slot) => !leave.some((period) => slot.start < period.end && period.start < slot.end))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  return withoutOverlaps(candidates);
}

function rulesSlots(rules: AvailabilityRule[], window: TimeWindow): Slot[] {
  const zones = [...new Set(rules.map((rule) => rule.timeZone))];
  return zones.flatMap((zone) => {
    const zoneRules = rules.filter((rule) => rule.timeZone === zone);
    return localDays(zone, window).flatMap((day) =>
      zoneRules
        .filter((rule) => weekdays.indexOf(rule.weekday) + 1 === day.weekday)
        .flatMap((rule) =>
          stepThrough(localInstant(day, rule.start, zone), localInstant(day, rule.end, zone), rule, window),
        ),
    );
  });
}

/** The local days of a zone that may hold slots starting in the window (from the day before). */
function localDays(zone: string, window: TimeWindow): DateTime[] {
  const days: DateTime[] = [];
  const last = DateTime.fromJSDate(window.to, { zone }).startOf('day');
  let day = DateTime.fromJSDate(window.from, { zone }).startOf('day').minus({ days: 1 });
  for (; day <= last; day = day.plus({ days: 1 })) days.push(day);
  return days;
}

function extraHoursSlots(extra: ExtraHoursException, window: TimeWindow): Slot[] {
  if (extra.end <= window.from || extra.start >= window.to) return [];
  const start = DateTime.fromJSDate(extra.start, { zone: extra.timeZone });
  const end = DateTime.fromJSDate(extra.end, { zone: extra.timeZone });
  return stepThrough(start, end, extra, window);
}

/** Slots of `slotMinutes` of elapsed time from `start` while they end by `end`, those starting in the window. */
function stepThrough(
  start: DateTime,
  end: DateTime,
  shape: { slotMinutes: number; location: string; timeZone: string },
  window: TimeWindow,
): Slot[] {
  const step = shape.slotMinutes * 60_000;
  // One offset for the whole period unless the clocks change inside it (then ask the zone per slot).
  const zone = IANAZone.create(shape.timeZone);
  const offsetAt = start.offset === end.offset ? () => start.offset : (ms: number) => zone.offset(ms);
  const slots: Slot[] = [];
  for (let at = start.toMillis(); at + step <= end.toMillis(); at += step) {
    if (at < window.from.getTime() || at >= window.to.getTime()) continue;
    slots.push({
      start: new Date(at),
      end: new Date(at + step),
      startIso: isoAtOffset(at, offsetAt(at)),
      endIso: isoAtOffset(at + step, offsetAt(at + step)),
      location: shape.location,
      timeZone: shape.timeZone,
    });
  }
  return slots;
}

function withoutOverlaps(sorted: Slot[]): Slot[] {
  const kept: Slot[] = [];
  for (const slot of sorted) {
    const previous = kept.at(-1);
    if (!previous || previous.end <= slot.start) kept.push(slot);
  }
  return kept;
}
