/**
 * Times of slots and appointments as the practitioner's clinic reads them: the API writes each
 * in the offset of the practitioner's zone (`2026-03-30T09:00:00+01:00`), and the pages show
 * that local day and time, so a slot reads the same for every patient wherever they are.
 */

/**
 * The local day of a time as written (`2026-03-30`).
 *
 * @example
 * localDay('2026-03-30T09:00:00+01:00'); // '2026-03-30'
 */
export function localDay(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * The local time of day as written, to the minute (`09:00`).
 *
 * @example
 * localTime('2026-03-30T09:00:00+01:00'); // '09:00'
 */
export function localTime(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * A day in words: `Monday, 30 March 2026`.
 *
 * @example
 * dayInWords('2026-03-30'); // 'Monday, 30 March 2026'
 */
export function dayInWords(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * When an appointment is, in words: `Monday, 30 March 2026, 09:00–09:15`.
 *
 * @example
 * periodInWords({ start: '2026-03-30T09:00:00+01:00', end: '2026-03-30T09:15:00+01:00' });
 */
export function periodInWords(period: { start: string; end: string }): string {
  return `${dayInWords(localDay(period.start))}, ${localTime(period.start)}–${localTime(period.end)}`;
}

/**
 * Items grouped by the local day of their start, in order.
 *
 * @example
 * byDay(slots); // [['2026-03-30', [slot, slot]], ['2026-03-31', [slot]]]
 */
export function byDay<T extends { start: string }>(items: readonly T[]): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = localDay(item.start);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days];
}
