import type { Kysely } from 'kysely';
import type { AuthUser } from '../access/auth-user.js';
import { hasRole } from '../access/auth-user.js';
import { careFacts } from '../access/care-facts.js';
import { practitionerRoles } from '../access/roles.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { findPatient } from '../patients/patient-lookup.js';

/** Who an appointment is with and for. */
export interface BookingParties {
  practitionerId: string;
  patientId: string;
}

/**
 * Decides who books for whom (docs/scheduling.md): a patient books for themselves with any
 * practitioner (`practitionerId` required, no `patientId` but their own); a practitioner books in
 * their own calendar for a patient already in their care (`patientId` required), because a booking
 * opens the patient's record to them and must not be a way around the care-relationship rule.
 *
 * @example
 * const { practitionerId, patientId } = await bookingParties(db, request.user, request.body);
 */
export async function bookingParties(
  db: Kysely<Database>,
  user: AuthUser,
  body: { practitionerId?: string; patientId?: string },
): Promise<BookingParties> {
  if (body.patientId === undefined || body.patientId === user.id) {
    if (!hasRole(user, 'patient')) throw missing('/patientId', 'is required when a practitioner books');
    if (body.practitionerId === undefined) throw missing('/practitionerId', 'is required: whose slot to book');
    return { practitionerId: body.practitionerId, patientId: user.id };
  }
  if (!hasRole(user, ...practitionerRoles)) throw new ApiError('FORBIDDEN', 'A patient books only for themselves');
  if (body.practitionerId !== undefined && body.practitionerId !== user.id) {
    throw new ApiError('FORBIDDEN', 'A practitioner books only into their own calendar');
  }
  const patient = await findPatient(db, body.patientId);
  if (!patient) throw new ApiError('NOT_FOUND', `No active patient ${body.patientId}`);
  if (!(await careFacts(db, patient.ehrId, user.id)).related) {
    throw new ApiError('FORBIDDEN', 'You can book only for a patient in your care');
  }
  return { practitionerId: user.id, patientId: patient.id };
}

function missing(path: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `The booking ${path.slice(1)} ${message}`, { errors: [{ path, message }] });
}
