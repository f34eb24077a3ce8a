import { IANAZone } from 'luxon';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as ISO 8601 at a UTC offset (minutes east of UTC), to the second: plain arithmetic,
 * no time-zone look-up, for the many slots of a window.
 *
 * @example
 * isoAtOffset(Date.parse('2026-03-30T08:00:00Z'), 60); // '2026-03-30T09:00:00+01:00'
 */
export function isoAtOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const size = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/**
 * An instant as ISO 8601 with the offset `zone` (IANA) has at that instant.
 *
 * @example
 * zonedIso(new Date('2026-03-30T08:00:00Z'), 'Europe/London'); // '2026-03-30T09:00:00+01:00'
 */
export function zonedIso(instant: Date, zone: string): string {
  const ms = instant.getTime();
  return isoAtOffset(ms, IANAZone.create(zone).offset(ms));
}
