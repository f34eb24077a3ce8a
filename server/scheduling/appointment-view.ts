import type { AppointmentRow } from './appointment-repository.js';
import { zonedIso } from './zoned-time.js';

/** An appointment as the API answers it (SPEC §3, with names, place and what changed it). */
export interface AppointmentView {
  id: string;
  practitionerId: string;
  practitionerName: string;
  patientId: string;
  patientName: string;
  ehrId: string;
  /** ISO 8601 with the offset of the slot's zone. */
  start: string;
  end: string;
  location: string;
  status: 'booked' | 'cancelled';
  reason: string | null;
  bookedAt: string;
  rescheduleReason?: string;
  cancelReason?: string;
}

/**
 * The API view of a stored appointment.
 *
 * @example
 * return appointmentView(await findAppointmentOf(db, id, userId));
 */
export function appointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    patientId: row.patient_id,
    patientName: row.patient_name,
    ehrId: row.ehr_id,
    start: zonedIso(row.starts_at, row.time_zone),
    end: zonedIso(row.ends_at, row.time_zone),
    location: row.location,
    status: row.status,
    reason: row.reason,
    bookedAt: row.booked_at.toISOString(),
    ...(row.reschedule_reason ? { rescheduleReason: row.reschedule_reason } : {}),
    ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
  };
}
