import { DateTime } from 'luxon';

/**
 * A date-time as ISO 8601 with its offset, to the second.
 *
 * @example
 * isoWithOffset(slot.start); // '2026-03-30T09:00:00+01:00'
 */
export function isoWithOffset(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true })!;
}

/**
 * An instant as ISO 8601 with the offset `zone` has at that instant.
 *
 * @example
 * zonedIso(new Date('2026-03-30T08:00:00Z'), 'Europe/London'); // '2026-03-30T09:00:00+01:00'
 */
export function zonedIso(instant: Date, zone: string): string {
  return isoWithOffset(DateTime.fromJSDate(instant, { zone }));
}
