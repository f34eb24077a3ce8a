import { DateTime, IANAZone } from 'luxon';
import type { FieldError } from '../http/api-error.js';

/** Weekday names as the API writes them; index + 1 is the ISO weekday (1 = Monday). */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export type Weekday = (typeof weekdays)[number];

/** A weekly rule: every `weekday`, from `start` to `end` (local `HH:MM` in `timeZone`), slots of `slotMinutes`. */
export interface AvailabilityRule {
  weekday: Weekday;
  start: string;
  end: string;
  slotMinutes: number;
  location: string;
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
}

/** Leave: no slots between `start` and `end` (instants). */
export interface LeaveException {
  kind: 'leave';
  start: Date;
  end: Date;
  reason?: string;
}

/** Extra hours: slots of `slotMinutes` from `start` to `end` (instants), shown in `timeZone`. */
export interface ExtraHoursException {
  kind: 'extra';
  start: Date;
  end: Date;
  slotMinutes: number;
  location: string;
  timeZone: string;
  reason?: string;
}

export type AvailabilityException = LeaveException | ExtraHoursException;

/** A practitioner's whole availability: what `PUT /api/practitioners/me/availability` replaces. */
export interface Availability {
  rules: AvailabilityRule[];
  exceptions: AvailabilityException[];
}

/** An exception as a client sends it: instants as ISO 8601 strings, the extra-hours fields optional. */
export interface ExceptionInput {
  kind: 'leave' | 'extra';
  start: string;
  end: string;
  slotMinutes?: number;
  location?: string;
  timeZone?: string;
  reason?: string;
}

/** An availability as a client sends it (the body of `PUT /api/practitioners/me/availability`). */
export interface AvailabilityInput {
  rules: AvailabilityRule[];
  exceptions: ExceptionInput[];
}

/** Extra hours longer than this are a mistake, not a shift. */
const longestExtraHours = 24 * 60;

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * Everything wrong with an availability, as field errors (JSON Pointers into the request body):
 * an end not after its start, a span that is not a whole number of slots, an unknown time zone,
 * rules of one weekday and zone that overlap, extra hours without their slot length, location or
 * zone. Empty when it is valid.
 *
 * @example
 * availabilityProblems({ rules: [{ weekday: 'monday', start: '09:00', end: '08:00', … }], exceptions: [] });
 * // [{ path: '/rules/0/end', message: 'must be after the start (09:00)' }]
 */
export function availabilityProblems(availability: AvailabilityInput): FieldError[] {
  return [
    ...availability.rules.flatMap((rule, index) => ruleProblems(rule, `/rules/${index}`)),
    ...overlapProblems(availability.rules),
    ...availability.exceptions.flatMap((exception, index) => exceptionProblems(exception, `/exceptions/${index}`)),
  ];
}

function ruleProblems(rule: AvailabilityRule, path: string): FieldError[] {
  const errors = zoneProblems(rule.timeZone, `${path}/timeZone`);
  const span = minutesOf(rule.end) - minutesOf(rule.start);
  if (span <= 0) return [...errors, { path: `${path}/end`, message: `must be after the start (${rule.start})` }];
  if (span % rule.slotMinutes !== 0) errors.push(slotProblem(path, span, rule.slotMinutes));
  return errors;
}

function slotProblem(path: string, span: number, slotMinutes: number): FieldError {
  return {
    path: `${path}/slotMinutes`,
    message: `must divide the ${span} minutes from start to end into whole slots (${slotMinutes} does not)`,
  };
}

function zoneProblems(zone: string | undefined, path: string): FieldError[] {
  if (zone === undefined) return [{ path, message: 'is required for extra hours' }];
  return IANAZone.isValidZone(zone) ? [] : [{ path, message: `must be an IANA time zone such as Europe/London` }];
}

function overlapProblems(rules: AvailabilityRule[]): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach((rule, index) => {
    const earlier = rules.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        other.weekday === rule.weekday &&
        other.timeZone === rule.timeZone &&
        minutesOf(other.start) < minutesOf(rule.end) &&
        minutesOf(rule.start) < minutesOf(other.end),
    );
    if (earlier >= 0) errors.push({ path: `/rules/${index}`, message: `overlaps rule ${earlier} on ${rule.weekday}` });
  });
  return errors;
}

function exceptionProblems(exception: ExceptionInput, path: string): FieldError[] {
  const span = (Date.parse(exception.end) - Date.parse(exception.start)) / 60_000;
  if (span <= 0) return [{ path: `${path}/end`, message: 'must be after the start' }];
  if (exception.kind === 'leave') return leaveProblems(exception, path);
  const errors: FieldError[] = zoneProblems(exception.timeZone, `${path}/timeZone`);
  if (exception.location === undefined)
    errors.push({ path: `${path}/location`, message: 'is required for extra hours' });
  if (exception.slotMinutes === undefined) {
    errors.push({ path: `${path}/slotMinutes`, message: 'is required for extra hours' });
  } else if (span % exception.slotMinutes !== 0) {
    errors.push(slotProblem(path, span, exception.slotMinutes));
  }
  if (span > longestExtraHours)
    errors.push({ path: `${path}/end`, message: 'must be at most 24 hours after the start' });
  return errors;
}

function leaveProblems(leave: ExceptionInput, path: string): FieldError[] {
  const extraFields = (['slotMinutes', 'location', 'timeZone'] as const).filter((field) => leave[field] !== undefined);
  return extraFields.map((field) => ({ path: `${path}/${field}`, message: 'is for extra hours only; leave it out' }));
}

/**
 * The availability an input describes; call it once {@link availabilityProblems} found nothing.
 *
 * @example
 * const availability = toAvailability(request.body);
 */
export function toAvailability(input: AvailabilityInput): Availability {
  return {
    rules: input.rules,
    exceptions: input.exceptions.map((exception): AvailabilityException => {
      const { kind, reason } = exception;
      const times = { start: new Date(exception.start), end: new Date(exception.end), ...(reason ? { reason } : {}) };
      if (kind === 'leave') return { kind, ...times };
      const { slotMinutes, location, timeZone } = exception;
      return { kind, ...times, slotMinutes: slotMinutes!, location: location!, timeZone: timeZone! };
    }),
  };
}

/**
 * A rule's local time on a date as an instant in its zone (a local time that a clock change
 * skips moves forward, as the clocks do).
 *
 * @example
 * localInstant({ year: 2026, month: 3, day: 29 }, '09:00', 'Europe/London').toISO(); // '2026-03-29T09:00:00.000+01:00'
 */
export function localInstant(date: { year: number; month: number; day: number }, time: string, zone: string): DateTime {
  const minutes = minutesOf(time);
  const { year, month, day } = date;
  return DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
}
