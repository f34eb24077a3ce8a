import { ICalEventRepeatingFreq, type ICalWeekday } from 'ical-generator';
import type { DateTime } from 'luxon';
import type { MedicationTiming } from './medication-orders.js';

/** One recurring reminder: its first occurrence (floating local time) and its repetition. */
export interface ReminderOccurrence {
  first: DateTime;
  freq: ICalEventRepeatingFreq;
  interval: number;
  byDay?: ICalWeekday[];
}

const firstDoseHour = 8;
const lastDoseHour = 20;
const weekDays: ICalWeekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as ICalWeekday[];

/**
 * When to remind of one dose line (docs/scheduling.md, "Medication reminders"): `n` per day
 * (up to 12) becomes `n` daily reminders spread from 08:00 to 20:00 (1: 08:00; 2: 08:00 and 20:00;
 * 3: 08:00, 14:00, 20:00); more often, hourly; `n` per week becomes weekly reminders on `n` spread
 * weekdays; `n` per month, monthly (1) or every `30/n` days; an interval repeats by its largest
 * whole unit (PT8H: every 8 hours from 08:00; P1W: weekly).
 *
 * @example
 * reminderOccurrences({ medication: 'Amoxicillin', frequency: { magnitude: 3, unit: '/d' }, start });
 * // three DAILY occurrences at 08:00, 14:00 and 20:00
 */
export function reminderOccurrences(timing: MedicationTiming): ReminderOccurrence[] {
  const at = (hour: number) => timing.start.set({ hour: Math.floor(hour), minute: Math.round((hour % 1) * 60) });
  if (timing.interval) return [intervalOccurrence(timing.interval.shiftToAll().toObject(), at(firstDoseHour))];
  const { magnitude, unit } = timing.frequency!;
  const n = Math.max(1, Math.round(magnitude));
  if (unit === '/d' && n <= 12) {
    const step = n === 1 ? 0 : (lastDoseHour - firstDoseHour) / (n - 1);
    return Array.from({ length: n }, (_, k) => ({
      first: at(firstDoseHour + k * step),
      freq: ICalEventRepeatingFreq.DAILY,
      interval: 1,
    }));
  }
  if (unit === '/d')
    return [{ first: at(0), freq: ICalEventRepeatingFreq.HOURLY, interval: Math.max(1, Math.floor(24 / n)) }];
  if (unit === '/wk' && n < 7) {
    const byDay = Array.from({ length: n }, (_, k) => weekDays[Math.floor((k * 7) / n)]!);
    return [{ first: at(firstDoseHour), freq: ICalEventRepeatingFreq.WEEKLY, interval: 1, byDay }];
  }
  if (unit === '/wk') return [{ first: at(firstDoseHour), freq: ICalEventRepeatingFreq.DAILY, interval: 1 }];
  if (unit === '/mo' && n === 1)
    return [{ first: at(firstDoseHour), freq: ICalEventRepeatingFreq.MONTHLY, interval: 1 }];
  if (unit === '/mo') {
    return [
      { first: at(firstDoseHour), freq: ICalEventRepeatingFreq.DAILY, interval: Math.max(1, Math.round(30 / n)) },
    ];
  }
  return [{ first: at(firstDoseHour), freq: ICalEventRepeatingFreq.HOURLY, interval: 1 }];
}

function intervalOccurrence(
  parts: { months?: number; weeks?: number; days?: number; hours?: number; minutes?: number },
  first: DateTime,
): ReminderOccurrence {
  const units: [keyof typeof parts, ICalEventRepeatingFreq][] = [
    ['months', ICalEventRepeatingFreq.MONTHLY],
    ['weeks', ICalEventRepeatingFreq.WEEKLY],
    ['days', ICalEventRepeatingFreq.DAILY],
    ['hours', ICalEventRepeatingFreq.HOURLY],
  ];
  const used = units.filter(([unit]) => (parts[unit] ?? 0) > 0);
  if (used.length === 1) {
    const [unit, freq] = used[0]!;
    return { first, freq, interval: Math.round(parts[unit]!) };
  }
  const minutes =
    ((parts.weeks ?? 0) * 7 * 24 + (parts.days ?? 0) * 24 + (parts.hours ?? 0)) * 60 + (parts.minutes ?? 0);
  return { first, freq: ICalEventRepeatingFreq.MINUTELY, interval: Math.max(15, Math.round(minutes)) };
}
