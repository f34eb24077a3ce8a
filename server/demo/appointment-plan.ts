import { localInstant, weekdays, type AvailabilityRule } from '../scheduling/availability.js';
import { patientKey } from './demo-accounts.js';
import type { PlannedAppointment, PlannedAvailability } from './demo-plan.js';
import type { SeededRandom } from './seeded-random.js';

/** The demo clinic's time zone: slots are on its wall clock. */
export const clinicZone = 'Europe/London';
const slotMinutes = 20;
/** Local start times of a clinic day: 09:00–12:00 and 14:00–17:00 in 20-minute slots. */
const slotTimes = [...sessionTimes(9 * 60, 12 * 60), ...sessionTimes(14 * 60, 17 * 60)];

const rooms: Record<string, string> = {
  doctor: 'Room 1',
  doctor2: 'Room 2',
  doctor3: 'Room 3',
  doctor4: 'Room 4',
  doctor5: 'Room 5',
  nurse: 'Treatment room',
  nurse2: 'Treatment room 2',
};

/**
 * Weekly availability of the demo doctors and nurses: Monday to Friday, 09:00–12:00 and
 * 14:00–17:00 in 20-minute slots at the demo clinic.
 */
export function demoAvailability(): PlannedAvailability[] {
  return Object.entries(rooms).map(([practitioner, room]) => ({
    practitioner,
    availability: {
      rules: weekdays.slice(0, 5).flatMap((weekday): AvailabilityRule[] =>
        [
          ['09:00', '12:00'],
          ['14:00', '17:00'],
        ].map(([start, end]) => ({
          weekday,
          start: start!,
          end: end!,
          slotMinutes,
          location: `Docsy Demo Clinic, ${room}`,
          timeZone: clinicZone,
        })),
      ),
      exceptions: [],
    },
  }));
}

/**
 * Appointments relative to the load day, on the clinic's slot grid: doctor@ sees patient@ three
 * times in the past months and twice in the coming weeks, and patients 3–20 (doctor2@ patients
 * 21–35, doctor3 patient2@ and 36–50, nurse@ patient@ and 3–10) once recently, a third of them
 * again soon. doctor2@ has none with patient2@, so the care-relationship rule shows.
 */
export function demoAppointments(random: SeededRandom, anchor: Date): PlannedAppointment[] {
  const planner = new SlotPlanner(anchor);
  const book = (practitioner: string, patient: string, days: number, reason: string) =>
    planner.book(random, { practitioner, patient, days, reason });
  book('doctor', 'patient', -200, 'Diabetes review');
  book('doctor', 'patient', -95, 'Blood pressure check');
  book('doctor', 'patient', -14, 'Follow-up of blood results');
  book('doctor', 'patient', 3, 'Medication review');
  book('doctor', 'patient', 24, 'Annual review');
  book('nurse', 'patient', -30, 'Blood pressure check');
  book('doctor3', 'patient2', -60, 'New patient consultation');
  book('doctor3', 'patient2', 10, 'Follow-up');
  const panels: [string, number[]][] = [
    ['doctor', range(3, 20)],
    ['doctor2', range(21, 35)],
    ['doctor3', range(36, 50)],
    ['nurse', range(3, 10)],
  ];
  for (const [practitioner, patients] of panels) {
    for (const i of patients) {
      const patient = patientKey(i);
      book(practitioner, patient, -random.int(3, 120), random.pick(['Review', 'Follow-up', 'Routine check']));
      if (i % 3 === 0) book(practitioner, patient, random.int(1, 28), random.pick(['Review', 'Results discussion']));
    }
  }
  return planner.appointments;
}

/** Places appointments on free slots of the grid, never two at once for a practitioner or a patient. */
class SlotPlanner {
  readonly appointments: PlannedAppointment[] = [];
  readonly #taken = new Set<string>();

  constructor(private readonly anchor: Date) {}

  book(random: SeededRandom, wanted: { practitioner: string; patient: string; days: number; reason: string }): void {
    const day = clinicDay(this.anchor, wanted.days);
    for (let tries = 0, slot = random.int(0, slotTimes.length - 1); tries < slotTimes.length; tries++, slot++) {
      const time = slotTimes[slot % slotTimes.length]!;
      const start = localInstant(day, time, clinicZone).toUTC().toISO()!;
      const keys = [`${wanted.practitioner} ${start}`, `${wanted.patient} ${start}`];
      if (keys.some((key) => this.#taken.has(key))) continue;
      keys.forEach((key) => this.#taken.add(key));
      this.appointments.push({
        practitioner: wanted.practitioner,
        patient: wanted.patient,
        start,
        reason: wanted.reason,
      });
      return;
    }
  }
}

/** The weekday `days` from the anchor: a weekend moves back to Friday in the past, on to Monday ahead. */
function clinicDay(anchor: Date, days: number): { year: number; month: number; day: number } {
  const date = new Date(anchor.getTime() + days * 86_400_000);
  const weekday = date.getUTCDay(); // 0 Sunday, 6 Saturday
  const shift = weekday === 6 ? (days < 0 ? -1 : 2) : weekday === 0 ? (days < 0 ? -2 : 1) : 0;
  const moved = new Date(date.getTime() + shift * 86_400_000);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function sessionTimes(from: number, to: number): string[] {
  const times: string[] = [];
  for (let minute = from; minute < to; minute += slotMinutes) {
    times.push(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  }
  return times;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
