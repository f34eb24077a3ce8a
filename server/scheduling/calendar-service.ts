import type { Kysely } from 'kysely';
import { findAccountByCalendarTokenHash, replaceCalendarNonce } from '../access/account-repository.js';
import type { AuthUser } from '../access/auth-user.js';
import { newCalendarNonce, type CalendarTokens } from '../access/calendar-token.js';
import { tokenHash } from '../access/token-hash.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { listAppointments } from './appointment-repository.js';
import { calendarFeed } from './calendar-feed.js';
import { medicationTimings } from './medication-orders.js';
import { currentPrescriptions } from './prescription-repository.js';

/** How far back the feed shows appointments. */
const pastAppointmentDays = 90;
/** At most this many appointments in one feed. */
const feedAppointmentLimit = 2000;

/**
 * The iCalendar text of the feed whose secret token is `token` (404 for an unknown or revoked
 * one, or a disabled account): the account's booked appointments from 90 days ago on and, for a
 * patient, reminders of the doses of their active prescriptions (those not ended by `now`). Each
 * read is audited (`calendar.read`, on the patient's EHR chain, so it shows in their access log).
 *
 * @example
 * const text = await calendarFeedText(db, request.params.token, new Date(), request.ip);
 */
export async function calendarFeedText(
  db: Kysely<Database>,
  token: string,
  now: Date,
  address?: string,
): Promise<string> {
  const account = await findAccountByCalendarTokenHash(db, tokenHash(token));
  if (!account || account.status !== 'active') throw new ApiError('NOT_FOUND', 'No such calendar feed');
  const appointments = await listAppointments(db, {
    accountId: account.id,
    from: new Date(now.getTime() - pastAppointmentDays * 24 * 3600 * 1000),
    status: 'booked',
    limit: feedAppointmentLimit,
  });
  const prescriptions = account.ehr_id ? await currentPrescriptions(db, account.ehr_id) : [];
  const medications = prescriptions.flatMap((prescription) =>
    medicationTimings(prescription)
      .filter((timing) => !timing.until || timing.until.toMillis() > now.getTime())
      .map((timing) => ({ prescriptionUid: prescription.uid, timing })),
  );
  await appendAuditEvent(db, {
    action: 'calendar.read',
    outcome: 'success',
    actorId: account.id,
    actorRole: account.roles.join(','),
    ...(account.ehr_id ? { ehrId: account.ehr_id } : {}),
    details: { appointments: appointments.length, medications: medications.length },
    address,
  });
  return calendarFeed({ accountId: account.id, appointments, medications }).toString();
}

/**
 * Revokes the caller's calendar feed URL and returns the new one (a new random nonce); audited
 * `calendar.rotate`.
 *
 * @example
 * const calendarUrl = await rotateCalendarFeed(db, calendarTokens, request.user, request.ip);
 */
export async function rotateCalendarFeed(
  db: Kysely<Database>,
  calendar: CalendarTokens,
  user: AuthUser,
  address?: string,
): Promise<string> {
  const nonce = newCalendarNonce();
  await db.transaction().execute(async (trx) => {
    await replaceCalendarNonce(trx, user.id, nonce, tokenHash(calendar.token(user.id, nonce)));
    await appendAuditEvent(trx, {
      action: 'calendar.rotate',
      outcome: 'success',
      actorId: user.id,
      actorRole: user.roles.join(','),
      address,
    });
  });
  return calendar.url(user.id, nonce);
}
