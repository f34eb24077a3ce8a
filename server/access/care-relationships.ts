/**
 * Care relationships (SPEC §4): the contract other capabilities write through.
 *
 * Scheduling calls {@link recordAppointmentCare} in the transaction that books (or reschedules)
 * an appointment, and {@link endAppointmentCare} in the one that cancels it. A booked appointment
 * lets the practitioner open the patient's record from the moment it is booked until one year
 * after its start; a cancelled one no longer does. Patients' grants are written by the grant
 * routes (`grant-routes.ts`).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** How long after an appointment's start it still gives access to the patient's record. */
export const appointmentCareDays = 365;

/**
 * Records (or, for the same appointment id, updates) the care relationship of an appointment.
 * Call it inside the booking's transaction; a reschedule calls it again with the new start.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await insertAppointment(trx, appointment);
 *   await recordAppointmentCare(trx, { appointmentId: appointment.id, patientId, practitionerId, start });
 * });
 */
export async function recordAppointmentCare(
  db: Kysely<Database>,
  appointment: { appointmentId: string; patientId: string; practitionerId: string; start: Date },
): Promise<void> {
  const validUntil = new Date(appointment.start.getTime() + appointmentCareDays * 24 * 3600 * 1000);
  const ehrOfPatient = db.selectFrom('account').select('ehr_id').where('id', '=', appointment.patientId);
  await db
    .insertInto('care_relationship')
    .values({
      id: randomUUID(),
      ehr_id: sql<string>`(${ehrOfPatient})`,
      practitioner_id: appointment.practitionerId,
      kind: 'appointment',
      source_id: appointment.appointmentId,
      valid_from: sql<Date>`now()`,
      valid_until: validUntil,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['kind', 'source_id'])
        .where('source_id', 'is not', null)
        .doUpdateSet({ valid_until: validUntil, ended_at: null }),
    )
    .execute();
}

/**
 * Ends the care relationship of a cancelled appointment (nothing happens for an unknown id).
 *
 * @example
 * await endAppointmentCare(trx, appointment.id);
 */
export async function endAppointmentCare(db: Kysely<Database>, appointmentId: string): Promise<void> {
  await db
    .updateTable('care_relationship')
    .set({ ended_at: sql<Date>`now()` })
    .where('kind', '=', 'appointment')
    .where('source_id', '=', appointmentId)
    .where('ended_at', 'is', null)
    .execute();
}
