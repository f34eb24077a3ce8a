import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { weekdays, type Availability, type AvailabilityException } from './availability.js';

/**
 * Replaces a practitioner's rules and exceptions with `availability` (call inside a transaction).
 *
 * @example
 * await db.transaction().execute((trx) => storeAvailability(trx, practitionerId, availability));
 */
export async function storeAvailability(
  db: Kysely<Database>,
  practitionerId: string,
  availability: Availability,
): Promise<void> {
  await db.deleteFrom('availability_rule').where('practitioner_id', '=', practitionerId).execute();
  await db.deleteFrom('availability_exception').where('practitioner_id', '=', practitionerId).execute();
  if (availability.rules.length > 0) {
    await db
      .insertInto('availability_rule')
      .values(
        availability.rules.map((rule) => ({
          id: randomUUID(),
          practitioner_id: practitionerId,
          weekday: weekdays.indexOf(rule.weekday) + 1,
          start_time: rule.start,
          end_time: rule.end,
          slot_minutes: rule.slotMinutes,
          location: rule.location,
          time_zone: rule.timeZone,
        })),
      )
      .execute();
  }
  if (availability.exceptions.length > 0) {
    await db
      .insertInto('availability_exception')
      .values(availability.exceptions.map((exception) => exceptionRow(practitionerId, exception)))
      .execute();
  }
}

function exceptionRow(practitionerId: string, exception: AvailabilityException) {
  const extra = exception.kind === 'extra' ? exception : undefined;
  return {
    id: randomUUID(),
    practitioner_id: practitionerId,
    kind: exception.kind,
    starts_at: exception.start,
    ends_at: exception.end,
    slot_minutes: extra?.slotMinutes ?? null,
    location: extra?.location ?? null,
    time_zone: extra?.timeZone ?? null,
    reason: exception.reason ?? null,
  };
}

/**
 * A practitioner's availability as stored: rules by weekday and start, exceptions by start.
 *
 * @example
 * const { rules, exceptions } = await loadAvailability(db, practitionerId);
 */
export async function loadAvailability(db: Kysely<Database>, practitionerId: string): Promise<Availability> {
  const [rules, exceptions] = await Promise.all([
    db
      .selectFrom('availability_rule')
      .selectAll()
      .where('practitioner_id', '=', practitionerId)
      .orderBy('weekday')
      .orderBy('start_time')
      .execute(),
    db
      .selectFrom('availability_exception')
      .selectAll()
      .where('practitioner_id', '=', practitionerId)
      .orderBy('starts_at')
      .execute(),
  ]);
  return {
    rules: rules.map((row) => ({
      weekday: weekdays[row.weekday - 1]!,
      start: row.start_time,
      end: row.end_time,
      slotMinutes: row.slot_minutes,
      location: row.location,
      timeZone: row.time_zone,
    })),
    exceptions: exceptions.map((row): AvailabilityException => {
      const common = { start: row.starts_at, end: row.ends_at, ...(row.reason ? { reason: row.reason } : {}) };
      if (row.kind === 'leave') return { kind: 'leave', ...common };
      return {
        kind: 'extra',
        ...common,
        slotMinutes: row.slot_minutes!,
        location: row.location!,
        timeZone: row.time_zone!,
      };
    }),
  };
}
