import { DateTime, Duration } from 'luxon';

/** One dose-and-timing line of a medication order, as a reminder needs it. */
export interface MedicationTiming {
  /** Where it sits in the prescription: `<entry index>.<timing index>`. */
  key: string;
  medication: string;
  dose?: string;
  directions?: string;
  /** How many times per period (`/d`, `/wk`, `/h`, `/mo`). */
  frequency?: { magnitude: number; unit: string };
  /** Time between doses. */
  interval?: Duration;
  /** The first day, as a local (floating) date. */
  start: DateTime;
  /** The end (exclusive), as a local date-time; open-ended without it. */
  until?: DateTime;
}

/** A stored prescription: its start time and content entries. */
export interface PrescriptionDocument {
  uid: string;
  startTime: Date;
  content: unknown;
}

type Json = Record<string, unknown>;

const medicationOrderArchetype = 'openEHR-EHR-INSTRUCTION.medication_order.';
const unitWords: Record<string, string> = { '[iU]': 'IU', ug: 'microgram', '[drp]': 'drop(s)' };

/**
 * The scheduled dose lines of a prescription's medication orders (`medication_order` entries):
 * one per dose-and-timing with a frequency or an interval that is not "as needed", with its
 * start (order start, else the composition's start time) and end (order stop, else start plus
 * the direction duration). Dates are read as local (floating) calendar dates and times.
 *
 * @example
 * const timings = medicationTimings({ uid, startTime, content: document.content });
 * timings[0]; // { medication: 'Amoxicillin', dose: '500 mg', frequency: { magnitude: 3, unit: '/d' }, start, until }
 */
export function medicationTimings(prescription: PrescriptionDocument): MedicationTiming[] {
  if (!Array.isArray(prescription.content)) return [];
  return prescription.content.flatMap((entry: Json, entryIndex: number) => {
    if (typeof entry?.archetype !== 'string' || !entry.archetype.startsWith(medicationOrderArchetype)) return [];
    const data = (entry.data ?? {}) as Json;
    const medication = textOf(data.medication_item);
    if (!medication) return [];
    const start = localTime(data.order_start) ?? DateTime.fromJSDate(prescription.startTime, { zone: 'UTC' });
    const timings = Array.isArray(data.dose_and_timing) ? (data.dose_and_timing as Json[]) : [];
    return timings.flatMap((timing, timingIndex) =>
      timingOf(timing, data, { key: `${entryIndex}.${timingIndex}`, medication }, start.startOf('day')),
    );
  });
}

function timingOf(
  timing: Json,
  data: Json,
  line: { key: string; medication: string },
  start: DateTime,
): MedicationTiming[] {
  if (timing.as_needed === true) return [];
  const frequency = quantityOf(timing.frequency);
  const interval = typeof timing.interval === 'string' ? Duration.fromISO(timing.interval) : undefined;
  if (!frequency && !interval?.isValid) return [];
  const duration =
    typeof timing.direction_duration === 'string' ? Duration.fromISO(timing.direction_duration) : undefined;
  const until = localTime(data.order_stop) ?? (duration?.isValid ? start.plus(duration) : undefined);
  const dose = quantityOf(timing.dose);
  const directions = textOf(data.overall_directions_description);
  return [
    {
      ...line,
      start,
      ...(dose ? { dose: `${dose.magnitude} ${unitWords[dose.unit] ?? dose.unit.replace(/[{}]/g, '')}` } : {}),
      ...(directions ? { directions } : {}),
      ...(frequency ? { frequency } : { interval: interval! }),
      ...(until ? { until } : {}),
    },
  ];
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Json).value === 'string')
    return (value as Json).value as string;
  return undefined;
}

function quantityOf(value: unknown): { magnitude: number; unit: string } | undefined {
  const { magnitude, unit } = (value ?? {}) as Json;
  return typeof magnitude === 'number' && magnitude > 0 && typeof unit === 'string' ? { magnitude, unit } : undefined;
}

/** A (possibly partial) date-time's local calendar reading, as a floating time (zone UTC, never converted). */
function localTime(value: unknown): DateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) return undefined;
  return DateTime.fromObject(parsed.toObject(), { zone: 'UTC' });
}
