import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { availabilityProblems, toAvailability, type Availability, type AvailabilityInput } from './availability.js';
import { storeAvailability } from './availability-repository.js';
import { inTransaction } from '../db/in-transaction.js';

/**
 * Replaces a practitioner's weekly rules and exceptions in one transaction, audited
 * (`availability.replace`). Refuses an invalid availability with 422 naming every failing field
 * (see `availabilityProblems`). Appointments already booked stay booked. Demo data calls it directly.
 *
 * @example
 * await replaceAvailability(db, doctorId, {
 *   rules: [{ weekday: 'monday', start: '09:00', end: '17:00', slotMinutes: 30, location: 'Room 2', timeZone: 'Europe/London' }],
 *   exceptions: [{ kind: 'leave', start: '2026-12-24T00:00:00Z', end: '2026-12-28T00:00:00Z', reason: 'Holiday' }],
 * });
 */
export async function replaceAvailability(
  db: Kysely<Database>,
  practitionerId: string,
  input: AvailabilityInput,
  address?: string,
): Promise<Availability> {
  const errors = availabilityProblems(input);
  if (errors.length > 0) {
    throw new ApiError('VALIDATION_FAILED', `The availability has ${errors.length} error(s)`, { errors });
  }
  const availability = toAvailability(input);
  await inTransaction(db, async (trx) => {
    await storeAvailability(trx, practitionerId, availability);
    await appendAuditEvent(trx, {
      action: 'availability.replace',
      outcome: 'success',
      actorId: practitionerId,
      details: { rules: availability.rules.length, exceptions: availability.exceptions.length },
      address,
    });
  });
  return availability;
}
