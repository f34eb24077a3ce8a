import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { ProblemCode } from '../http/problems.js';
import { bookedPeriods } from './appointment-repository.js';
import { loadAvailability } from './availability-repository.js';
import { generateSlots, type Slot, type TimeWindow } from './slot-generation.js';

/** When booking is possible: after `now` and at most `horizonDays` days ahead. */
export interface BookingPolicy {
  now: Date;
  horizonDays: number;
}

const dayMs = 24 * 3600 * 1000;

/** The last instant a slot may start at under a policy. */
export function horizonEnd(policy: BookingPolicy): Date {
  return new Date(policy.now.getTime() + policy.horizonDays * dayMs);
}

/**
 * A practitioner's free slots starting in `window`: their availability's slots minus booked
 * appointments, slots that have begun, and slots beyond the booking horizon.
 *
 * @example
 * const slots = await freeSlots(db, doctorId, { from, to }, { now: new Date(), horizonDays: 180 });
 */
export async function freeSlots(
  db: Kysely<Database>,
  practitionerId: string,
  window: TimeWindow,
  policy: BookingPolicy,
): Promise<Slot[]> {
  const from = new Date(Math.max(window.from.getTime(), policy.now.getTime() + 1));
  const to = new Date(Math.min(window.to.getTime(), horizonEnd(policy).getTime() + 1));
  if (from >= to) return [];
  const [availability, busy] = await Promise.all([
    loadAvailability(db, practitionerId),
    bookedPeriods(db, practitionerId, { from, to: new Date(to.getTime() + dayMs) }),
  ]);
  return generateSlots(availability, { from, to }).filter(
    (slot) => !busy.some((period) => slot.start < period.ends_at && period.starts_at < slot.end),
  );
}

/**
 * The practitioner's slot that starts exactly at `start`, whether booked or not (the exclusion
 * constraints decide that). Refuses a start that has passed (`SLOT_IN_PAST`), lies beyond the
 * horizon (`SLOT_BEYOND_HORIZON`) or is not the start of a slot (`NOT_A_SLOT`), all 422.
 *
 * @example
 * const slot = await requireSlot(db, doctorId, new Date('2026-12-01T09:00:00Z'), policy);
 */
export async function requireSlot(
  db: Kysely<Database>,
  practitionerId: string,
  start: Date,
  policy: BookingPolicy,
): Promise<Slot> {
  if (start.getTime() <= policy.now.getTime()) {
    refuseStart('SLOT_IN_PAST', `${start.toISOString()} has passed; choose a later slot`, 'must be in the future');
  }
  if (start > horizonEnd(policy)) {
    const detail = `Appointments can be booked up to ${policy.horizonDays} days ahead`;
    refuseStart('SLOT_BEYOND_HORIZON', detail, `must be within ${policy.horizonDays} days from now`);
  }
  const availability = await loadAvailability(db, practitionerId);
  const slot = generateSlots(availability, { from: start, to: new Date(start.getTime() + 1) })[0];
  if (!slot) {
    const detail = `The practitioner has no slot starting at ${start.toISOString()}`;
    refuseStart('NOT_A_SLOT', detail, "must be the start of one of the practitioner's slots");
  }
  return slot;
}

function refuseStart(code: ProblemCode, detail: string, message: string): never {
  throw new ApiError(code, detail, { errors: [{ path: '/start', message }] });
}
