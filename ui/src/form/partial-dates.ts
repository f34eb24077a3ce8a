/** How much of a date a value gives: docs/modelling.md allows a year, a year and month, a date, or a date and time. */
export type DatePrecision = 'year' | 'month' | 'date' | 'time';

/**
 * The precision a stored date or date-time value is written in.
 *
 * @example
 * precisionOf('2019-06'); // 'month'
 */
export function precisionOf(value: string): DatePrecision {
  if (value.includes('T')) return 'time';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  return 'year';
}

/**
 * A value cut down to a coarser precision (a finer one cannot be guessed: undefined).
 *
 * @example
 * coarsened('2019-06-14', 'month'); // '2019-06'
 */
export function coarsened(value: string, precision: DatePrecision): string | undefined {
  const length = { year: 4, month: 7, date: 10, time: Infinity }[precision];
  const current = precisionOf(value);
  const order: DatePrecision[] = ['year', 'month', 'date', 'time'];
  if (order.indexOf(precision) > order.indexOf(current)) return undefined;
  return precision === 'time' ? value : value.slice(0, length);
}

const offsetPattern = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date-time's wall-clock part and its zone: what a `datetime-local` input shows, and the offset beside it.
 *
 * @example
 * splitZone('2018-04-02T14:30:00+02:00'); // { local: '2018-04-02T14:30:00', zone: '+02:00' }
 */
export function splitZone(value: string): { local: string; zone: string | undefined } {
  const zone = offsetPattern.exec(value)?.[1];
  return { local: zone ? value.slice(0, -zone.length) : value, zone };
}

/**
 * The UTC offset (`+01:00`) this browser's time zone has at a wall-clock time.
 *
 * @example
 * localOffset('2026-07-01T12:00:00'); // '+02:00' in Paris
 */
export function localOffset(local: string): string {
  const date = new Date(local);
  const minutes = Number.isNaN(date.getTime()) ? -new Date().getTimezoneOffset() : -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const whole = Math.abs(minutes);
  return `${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * A stored date-time from a `datetime-local` input's value: seconds added when the input left
 * them out (the data type needs them), and the zone given or this browser's.
 *
 * @example
 * dateTimeValue('2026-11-26T10:30', undefined); // '2026-11-26T10:30:00+01:00' in Paris
 */
export function dateTimeValue(local: string, zone: string | undefined): string {
  const withSeconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}${zone ?? localOffset(withSeconds)}`;
}

/**
 * Now, to the second, with this browser's offset: the default start time of a composition.
 *
 * @example
 * nowWithOffset(); // '2026-11-26T10:30:12+01:00'
 */
export function nowWithOffset(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return dateTimeValue(local, undefined);
}
