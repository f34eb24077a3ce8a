import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { endAppointmentCare, recordAppointmentCare } from '../access/care-relationships.js';
import { requirePractitioner } from '../access/practitioner-lookup.js';
import { appendAuditEvent, type AuditEvent } from '../audit/audit-log.js';
import { isExclusionViolation } from '../db/constraint-violation.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { findPatient } from '../patients/patient-lookup.js';
import {
  cancelBooked,
  findAppointmentOf,
  insertAppointment,
  moveBooked,
  type AppointmentRow,
} from './appointment-repository.js';
import { appointmentView, type AppointmentView } from './appointment-view.js';
import { requireSlot, type BookingPolicy } from './free-slots.js';
import type { Slot } from './slot-generation.js';
import { inTransaction } from '../db/in-transaction.js';

/** A booking request, after the route decided who books for whom. */
export interface Booking {
  practitionerId: string;
  patientId: string;
  start: Date;
  reason?: string;
  /** The account that books: the patient, or the practitioner booking for them. */
  bookedBy: string;
  actorRole?: string;
  address?: string;
}

/** Who changes an appointment, and why. */
export interface AppointmentChange {
  appointmentId: string;
  actorId: string;
  actorRole?: string;
  reason: string;
  address?: string;
}

/**
 * Books a free slot: checks the practitioner and patient exist, that `start` is the start of one
 * of the practitioner's slots, after `policy.now` and within the horizon (422 otherwise), then in
 * one transaction inserts the appointment, records the care relationship (SPEC §4) and the audit
 * event `appointment.book` on the patient's chain. A slot taken meanwhile is 409 `SLOT_TAKEN`; a
 * patient already booked elsewhere at that time is 409 `PATIENT_DOUBLE_BOOKED` (the database's
 * exclusion constraints decide, so concurrent requests cannot both win). Demo data may pass a
 * `now` in the past to book appointments that have since happened.
 *
 * @example
 * const appointment = await bookAppointment(db, { practitionerId, patientId, start, bookedBy: patientId }, { now: new Date(), horizonDays: 180 });
 */
export async function bookAppointment(
  db: Kysely<Database>,
  booking: Booking,
  policy: BookingPolicy,
): Promise<AppointmentView> {
  await requirePractitioner(db, booking.practitionerId);
  const patient = await findPatient(db, booking.patientId);
  if (!patient) throw new ApiError('NOT_FOUND', `No active patient ${booking.patientId}`);
  const slot = await requireSlot(db, booking.practitionerId, booking.start, policy);
  const id = randomUUID();
  await writeRefusingOverlaps(db, async (trx) => {
    await insertAppointment(trx, {
      id,
      practitioner_id: booking.practitionerId,
      patient_id: patient.id,
      ehr_id: patient.ehrId,
      ...slotColumns(slot),
      reason: booking.reason ?? null,
      booked_by: booking.bookedBy,
    });
    await recordAppointmentCare(trx, {
      appointmentId: id,
      patientId: patient.id,
      practitionerId: booking.practitionerId,
      start: booking.start,
    });
    await appendAuditEvent(trx, {
      ...appointmentEvent('appointment.book', { id, ehr_id: patient.ehrId }, booking.bookedBy, booking),
      details: { practitionerId: booking.practitionerId, start: booking.start.toISOString() },
    });
  });
  return appointmentView((await findAppointmentOf(db, id, booking.bookedBy))!);
}

/**
 * Cancels a booked appointment with a reason, by its patient or its practitioner (404 for anyone
 * else's), ending its care relationship in the same transaction; audited `appointment.cancel`.
 * An appointment already cancelled or already begun is 409 `APPOINTMENT_CLOSED`.
 *
 * @example
 * await cancelAppointment(db, { appointmentId, actorId: request.user.id, reason: 'Feeling better' }, new Date());
 */
export async function cancelAppointment(
  db: Kysely<Database>,
  change: AppointmentChange,
  now: Date,
): Promise<AppointmentView> {
  const appointment = await requireOpenAppointment(db, change, now);
  await inTransaction(db, async (trx) => {
    if (!(await cancelBooked(trx, appointment.id, { by: change.actorId, reason: change.reason }))) throw closed();
    await endAppointmentCare(trx, appointment.id);
    await appendAuditEvent(trx, appointmentEvent('appointment.cancel', appointment, change.actorId, change));
  });
  return appointmentView((await findAppointmentOf(db, appointment.id, change.actorId))!);
}

/**
 * Moves a booked appointment to another free slot of the same practitioner in one statement
 * (the new slot is taken and the old one freed together), with a reason; updates the care
 * relationship to the new start; audited `appointment.reschedule`. Refused like a booking (422
 * for a start that is not a bookable slot, 409 when it is taken) and like a cancellation (404, 409).
 *
 * @example
 * await rescheduleAppointment(db, { appointmentId, actorId, reason: 'Clash with work' }, newStart, policy);
 */
export async function rescheduleAppointment(
  db: Kysely<Database>,
  change: AppointmentChange,
  start: Date,
  policy: BookingPolicy,
): Promise<AppointmentView> {
  const appointment = await requireOpenAppointment(db, change, policy.now);
  const slot = await requireSlot(db, appointment.practitioner_id, start, policy);
  await writeRefusingOverlaps(db, async (trx) => {
    if (!(await moveBooked(trx, appointment.id, { ...slotColumns(slot), reason: change.reason }))) throw closed();
    await recordAppointmentCare(trx, {
      appointmentId: appointment.id,
      patientId: appointment.patient_id,
      practitionerId: appointment.practitioner_id,
      start,
    });
    await appendAuditEvent(trx, {
      ...appointmentEvent('appointment.reschedule', appointment, change.actorId, change),
      details: { from: appointment.starts_at.toISOString(), to: start.toISOString() },
    });
  });
  return appointmentView((await findAppointmentOf(db, appointment.id, change.actorId))!);
}

async function requireOpenAppointment(
  db: Kysely<Database>,
  change: AppointmentChange,
  now: Date,
): Promise<AppointmentRow> {
  const appointment = await findAppointmentOf(db, change.appointmentId, change.actorId);
  if (!appointment) throw new ApiError('NOT_FOUND', `You have no appointment ${change.appointmentId}`);
  if (appointment.status !== 'booked' || appointment.starts_at <= now) throw closed();
  return appointment;
}

function closed(): ApiError {
  return new ApiError('APPOINTMENT_CLOSED', 'The appointment is cancelled or has already begun; it cannot change');
}

function slotColumns(slot: Slot) {
  return {
    starts_at: slot.start,
    ends_at: slot.end,
    location: slot.location,
    time_zone: slot.timeZone,
  };
}

async function writeRefusingOverlaps(
  db: Kysely<Database>,
  write: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  try {
    await inTransaction(db, write);
  } catch (error) {
    if (isExclusionViolation(error, 'appointment_practitioner_overlap')) {
      throw new ApiError('SLOT_TAKEN', 'Someone has just booked this slot; choose another', {
        errors: [{ path: '/start', message: 'is taken' }],
      });
    }
    if (isExclusionViolation(error, 'appointment_patient_overlap')) {
      throw new ApiError('PATIENT_DOUBLE_BOOKED', 'The patient already has an appointment at this time', {
        errors: [{ path: '/start', message: 'overlaps another appointment of the patient' }],
      });
    }
    throw error;
  }
}

function appointmentEvent(
  action: string,
  appointment: { id: string; ehr_id: string },
  actorId: string,
  context: { actorRole?: string; address?: string },
): AuditEvent {
  return {
    action,
    outcome: 'success',
    actorId,
    actorRole: context.actorRole,
    ehrId: appointment.ehr_id,
    resource: `appointment:${appointment.id}`,
    address: context.address,
  };
}
