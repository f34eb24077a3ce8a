/** Clinic hours a demo event may start at (UTC). */
const clinicHours = [8, 9, 10, 11, 13, 14, 15, 16];

/**
 * The calendar day (UTC midnight) a demo data set is dated from: the day it is loaded. Everything
 * generated is relative to it, so histories end "recently" whenever the demo is loaded, and two
 * loads on the same day are identical.
 *
 * @example
 * anchorDay(new Date('2026-11-26T20:44:00Z')); // 2026-11-26T00:00:00.000Z
 */
export function anchorDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * An exact time `days` days before the anchor (negative: after it), at a clinic hour picked by
 * `hourIndex`, as ISO 8601 UTC text.
 *
 * @example
 * daysBefore(anchor, 30, 2); // 30 days earlier at 10:00 UTC
 */
export function daysBefore(anchor: Date, days: number, hourIndex = 1, minute = 0): string {
  const time = new Date(anchor.getTime() - days * 86_400_000);
  time.setUTCHours(clinicHours[hourIndex % clinicHours.length]!, minute, 0, 0);
  return time.toISOString();
}

/** The date part (`YYYY-MM-DD`) of an ISO time. */
export function dateOf(isoTime: string): string {
  return isoTime.slice(0, 10);
}

/** An ISO time plus some minutes. */
export function minutesAfter(isoTime: string, minutes: number): string {
  return new Date(new Date(isoTime).getTime() + minutes * 60_000).toISOString();
}
