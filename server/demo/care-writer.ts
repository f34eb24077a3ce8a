import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountRow } from '../access/account-repository.js';
import { insertOrder } from '../access/order-repository.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { bookAppointment } from '../scheduling/appointment-service.js';
import { replaceAvailability } from '../scheduling/availability-service.js';
import type { DemoPlan } from './demo-plan.js';

/** How far ahead the demo books; the plan's upcoming appointments are within four weeks. */
const horizonDays = 180;

/**
 * Writes who looks after whom: the practitioners' availability, then each appointment booked by
 * its patient through scheduling (which records the care relationship and audits the booking; a
 * past appointment is booked as of the day before it), then the open orders with their audit
 * events.
 *
 * @example
 * await writeCare(trx, plan, accounts, new Date());
 */
export async function writeCare(
  trx: Kysely<Database>,
  plan: Pick<DemoPlan, 'availability' | 'appointments' | 'orders'>,
  accounts: Map<string, AccountRow>,
  now: Date,
): Promise<void> {
  for (const { practitioner, availability } of plan.availability) {
    await replaceAvailability(trx, accounts.get(practitioner)!.id, availability);
  }
  for (const appointment of plan.appointments) {
    const start = new Date(appointment.start);
    const patient = accounts.get(appointment.patient)!;
    const bookedAt = start < now ? new Date(start.getTime() - 86_400_000) : now;
    await bookAppointment(
      trx,
      {
        practitionerId: accounts.get(appointment.practitioner)!.id,
        patientId: patient.id,
        start,
        reason: appointment.reason,
        bookedBy: patient.id,
        actorRole: 'patient',
      },
      { now: bookedAt, horizonDays },
    );
  }
  for (const order of plan.orders) {
    const id = randomUUID();
    const ehrId = accounts.get(order.patient)!.ehr_id!;
    const doctor = accounts.get(order.orderedBy)!;
    await insertOrder(trx, { id, ehrId, kind: order.kind, description: order.description, orderedBy: doctor.id });
    await appendAuditEvent(trx, {
      action: 'order.create',
      outcome: 'success',
      actorId: doctor.id,
      actorRole: doctor.roles.join(','),
      ehrId,
      resource: `order:${id}`,
    });
  }
}
