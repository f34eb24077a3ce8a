import { randomUUID } from 'node:crypto';
import { endAppointmentCare, recordAppointmentCare } from '../../server/access/care-relationships.js';
import type { SignedIn } from './accounts.js';
import { testDatabase } from './test-app.js';

/**
 * Puts a patient in a practitioner's care the way scheduling does: an appointment (today,
 * unless `start` says otherwise). Returns the appointment id, for {@link endCare}.
 *
 * @example
 * const doctor = await signedIn(app, 'doctor');
 * const patient = await signedInPatient(app);
 * await careFor(doctor, patient);
 */
export async function careFor(
  practitioner: Pick<SignedIn, 'user'>,
  patient: Pick<SignedIn, 'user'>,
  options: { start?: Date } = {},
): Promise<string> {
  const { db } = await testDatabase();
  const appointmentId = randomUUID();
  await recordAppointmentCare(db, {
    appointmentId,
    patientId: patient.user.id,
    practitionerId: practitioner.user.id,
    start: options.start ?? new Date(),
  });
  return appointmentId;
}

/**
 * Ends a care relationship made by {@link careFor}, as cancelling the appointment does.
 *
 * @example
 * await endCare(appointmentId);
 */
export async function endCare(appointmentId: string): Promise<void> {
  const { db } = await testDatabase();
  await endAppointmentCare(db, appointmentId);
}
