import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database } from '../db/database.js';
import type { AppointmentTable } from './tables.js';

/** An appointment with the names of both people, as lists and answers show it. */
export type AppointmentRow = Selectable<AppointmentTable> & { practitioner_name: string; patient_name: string };

/** What a booking writes. */
export type NewAppointment = Pick<
  Selectable<AppointmentTable>,
  | 'id'
  | 'practitioner_id'
  | 'patient_id'
  | 'ehr_id'
  | 'starts_at'
  | 'ends_at'
  | 'location'
  | 'time_zone'
  | 'reason'
  | 'booked_by'
>;

/** A filter on the appointments one account takes part in (as patient or as practitioner). */
export interface AppointmentFilter {
  accountId: string;
  from?: Date;
  to?: Date;
  status?: 'booked' | 'cancelled';
  /** The sort key (start, id) of the last item of the previous page. */
  after?: [Date, string];
  limit: number;
}

function withNames(db: Kysely<Database>) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('account as practitioner', 'practitioner.id', 'a.practitioner_id')
    .innerJoin('account as patient', 'patient.id', 'a.patient_id')
    .selectAll('a')
    .select(['practitioner.name as practitioner_name', 'patient.name as patient_name']);
}

/**
 * Inserts a booked appointment; the exclusion constraints refuse an overlap (SQLSTATE 23P01).
 *
 * @example
 * await insertAppointment(trx, { id, practitioner_id, patient_id, ehr_id, starts_at, ends_at, location, time_zone, reason: null, booked_by });
 */
export async function insertAppointment(db: Kysely<Database>, appointment: NewAppointment): Promise<void> {
  await db.insertInto('appointment').values(appointment).execute();
}

/**
 * One appointment that `accountId` takes part in, with both names; undefined for anyone else's.
 *
 * @example
 * const appointment = await findAppointmentOf(db, id, request.user.id);
 */
export async function findAppointmentOf(
  db: Kysely<Database>,
  id: string,
  accountId: string,
): Promise<AppointmentRow | undefined> {
  return withNames(db)
    .where('a.id', '=', id)
    .where((eb) => eb.or([eb('a.patient_id', '=', accountId), eb('a.practitioner_id', '=', accountId)]))
    .executeTakeFirst();
}

/**
 * Marks a booked appointment cancelled; false when it was not booked (any more).
 *
 * @example
 * await cancelBooked(trx, id, { by: userId, reason: 'Feeling better' });
 */
export async function cancelBooked(
  db: Kysely<Database>,
  id: string,
  cancellation: { by: string; reason: string },
): Promise<boolean> {
  const row = await db
    .updateTable('appointment')
    .set({
      status: 'cancelled',
      cancelled_at: new Date(),
      cancelled_by: cancellation.by,
      cancel_reason: cancellation.reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Moves a booked appointment to another slot in one statement (the old time is free as the new
 * one is taken); false when it was not booked. An overlap with another booking is SQLSTATE 23P01.
 *
 * @example
 * await moveBooked(trx, id, { starts_at, ends_at, location, time_zone, reason: 'Clash with work' });
 */
export async function moveBooked(
  db: Kysely<Database>,
  id: string,
  move: Pick<NewAppointment, 'starts_at' | 'ends_at' | 'location' | 'time_zone'> & { reason: string },
): Promise<boolean> {
  const { reason, ...slot } = move;
  const row = await db
    .updateTable('appointment')
    .set({ ...slot, rescheduled_at: new Date(), reschedule_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The appointments an account takes part in (as patient or practitioner), by start then id,
 * `limit + 1` rows for `page()`.
 *
 * @example
 * const rows = await listAppointments(db, { accountId, from: new Date(), limit: 50 });
 */
export async function listAppointments(db: Kysely<Database>, filter: AppointmentFilter): Promise<AppointmentRow[]> {
  let query = withNames(db).where((eb) =>
    eb.or([eb('a.patient_id', '=', filter.accountId), eb('a.practitioner_id', '=', filter.accountId)]),
  );
  if (filter.from) query = query.where('a.ends_at', '>', filter.from);
  if (filter.to) query = query.where('a.starts_at', '<', filter.to);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.after) {
    const [start, id] = filter.after;
    query = query.where(sql<SqlBool>`(a.starts_at, a.id) > (cast(${start} as timestamptz), cast(${id} as uuid))`);
  }
  return query
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(filter.limit + 1)
    .execute();
}

/**
 * The booked appointments of a practitioner that overlap a window, for subtracting from slots.
 *
 * @example
 * const busy = await bookedPeriods(db, practitionerId, { from, to });
 */
export async function bookedPeriods(
  db: Kysely<Database>,
  practitionerId: string,
  window: { from: Date; to: Date },
): Promise<{ starts_at: Date; ends_at: Date }[]> {
  return db
    .selectFrom('appointment')
    .select(['starts_at', 'ends_at'])
    .where('practitioner_id', '=', practitionerId)
    .where('status', '=', 'booked')
    .where('starts_at', '<', window.to)
    .where('ends_at', '>', window.from)
    .execute();
}
