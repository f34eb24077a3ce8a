import type { Kysely } from 'kysely';
import { hasRole } from '../access/auth-user.js';
import { careFacts } from '../access/care-facts.js';
import type { Viewer } from '../access/ehr-access.js';
import { practitionerRoles } from '../access/roles.js';
import { appendAuditEvent } from '../audit/audit-log.js';
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
 * Each refusal is a 403, audited as `access.denied` (on the patient's chain when the patient exists).
 *
 * @example
 * const { practitionerId, patientId } = await bookingParties(db, viewerOf(request), request.body);
 */
export async function bookingParties(
  db: Kysely<Database>,
  viewer: Viewer,
  body: { practitionerId?: string; patientId?: string },
): Promise<BookingParties> {
  const { user } = viewer;
  if (body.patientId === undefined || body.patientId === user.id) {
    if (!hasRole(user, 'patient')) throw missing('/patientId', 'is required when a practitioner books');
    if (body.practitionerId === undefined) throw missing('/practitionerId', 'is required: whose slot to book');
    return { practitionerId: body.practitionerId, patientId: user.id };
  }
  const patient = await findPatient(db, body.patientId);
  if (!hasRole(user, ...practitionerRoles)) {
    throw await deny(db, viewer, patient?.ehrId, 'not-self', 'A patient books only for themselves');
  }
  if (body.practitionerId !== undefined && body.practitionerId !== user.id) {
    throw await deny(db, viewer, patient?.ehrId, 'other-calendar', 'A practitioner books only into their own calendar');
  }
  if (!patient) throw new ApiError('NOT_FOUND', `No active patient ${body.patientId}`);
  if (!(await careFacts(db, patient.ehrId, user.id)).related) {
    throw await deny(db, viewer, patient.ehrId, 'no-care-relationship', 'You can book only for a patient in your care');
  }
  return { practitionerId: user.id, patientId: patient.id };
}

/** Audits a refused booking (`access.denied`, on the patient's chain when known) and returns its 403. */
async function deny(
  db: Kysely<Database>,
  viewer: Viewer,
  ehrId: string | undefined,
  reason: string,
  detail: string,
): Promise<ApiError> {
  await appendAuditEvent(db, {
    action: 'access.denied',
    outcome: 'denied',
    actorId: viewer.user.id,
    actorRole: viewer.user.roles.join(','),
    ...(ehrId ? { ehrId } : {}),
    resource: 'POST /api/appointments',
    details: { action: 'appointment.book', reason },
    address: viewer.address,
  });
  return new ApiError('FORBIDDEN', detail);
}

function missing(path: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `The booking ${path.slice(1)} ${message}`, { errors: [{ path, message }] });
}
